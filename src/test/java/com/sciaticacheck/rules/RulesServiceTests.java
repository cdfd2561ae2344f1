package com.sciaticacheck.rules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sciaticacheck.rules.RunnerCases.RunnerCase;
import com.sciaticacheck.support.RunnerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rule table against the clinical cases in {@code rules/risk-cases.csv}. */
class RulesServiceTests {

	private final RulesService service = ShippedRuleTable.service();

	static Stream<RunnerCase> cases() {
		return RunnerCases.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void assessesEachRunnerAsTheTableSays(RunnerCase runner) {
		Assessment assessment = this.service.assess(runner.answers());
		assertThat(assessment.findings()).extracting(Finding::ruleId).containsExactlyElementsOf(runner.ruleIds());
		assertThat(assessment.score()).isEqualTo(runner.score());
		assertThat(assessment.level()).isEqualTo(runner.level());
		assertThat(assessment.referral()).isEqualTo(runner.referral());
		assertThat(assessment.seeProfessional()).isEqualTo(runner.referral() != Referral.NONE);
	}

	@Test
	void everyRuleFiresInSomeCase() {
		Set<String> fired = cases().flatMap((runner) -> runner.ruleIds().stream()).collect(Collectors.toSet());
		assertThat(fired).containsAll(ShippedRuleTable.table().rules().stream().map(Rule::id).toList());
	}

	@Test
	void everyLevelAndTierIsReached() {
		assertThat(cases().map(RunnerCase::level).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(RiskLevel.values());
		assertThat(cases().map(RunnerCase::referral).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(Referral.values());
	}

	@Test
	void everyFactorHasARule() {
		assertThat(ShippedRuleTable.table().rules().stream().map(Rule::factor).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(Factor.values());
	}

	@Test
	void everyRuleHasAdviceOfItsOwnBeforeTheGeneralAdvice() {
		List<String> general = ShippedRuleTable.table().generalAdvice().stream().map(GeneralAdvice::adviceKey).toList();
		assertThat(ShippedRuleTable.table().rules())
			.allSatisfy((rule) -> assertThat(general).as(rule.id()).doesNotContain(rule.adviceKey()));
		cases().forEach((runner) -> {
			Assessment assessment = this.service.assess(runner.answers());
			assertThat(assessment.advice().stream().takeWhile(Advice::answersFinding).map(Advice::key))
				.as(runner.scenario())
				.containsExactlyElementsOf(assessment.findings().stream().map(Finding::adviceKey).distinct().toList());
		});
	}

	@Test
	void generalAdviceFollowsTheAdviceForFindings() {
		RunnerCase everything = cases().filter((runner) -> runner.score() == 100).findFirst().orElseThrow();
		List<Advice> advice = this.service.assess(everything.answers()).advice();
		int firstGeneral = advice.indexOf(advice.stream().filter((a) -> !a.answersFinding()).findFirst().orElseThrow());
		assertThat(advice.subList(firstGeneral, advice.size())).noneMatch(Advice::answersFinding);
		assertThat(advice.subList(firstGeneral, advice.size())).extracting(Advice::key)
			.containsExactly("advice.general.running-form", "advice.general.strength-training",
					"advice.general.build-up-gradually", "advice.general.shoes-and-surfaces",
					"advice.general.keep-running");
	}

	@Test
	void reportsTheRulesVersion() {
		assertThat(this.service.assess(RunnerCases.all().get(0).answers()).rulesVersion())
			.isEqualTo(ShippedRuleTable.table().version())
			.isNotBlank();
	}

	@Test
	void sameAnswersGiveTheSameAssessment() {
		cases().forEach((runner) -> assertThat(this.service.assess(runner.answers()))
			.isEqualTo(this.service.assess(runner.answers())));
	}

}
