package com.sciaticacheck.rules;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sciaticacheck.rules.RunnerCases.RunnerCase;
import com.sciaticacheck.support.RunnerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
		assertThat(assessment.findings()).extracting(RunnerCases::describe)
			.containsExactlyElementsOf(runner.findings());
		assertThat(assessment.score()).isEqualTo(runner.score());
		assertThat(assessment.level()).isEqualTo(runner.level());
		assertThat(assessment.referral()).isEqualTo(runner.referral());
		assertThat(assessment.referralReasonKeys()).containsExactlyElementsOf(runner.reasonKeys());
		assertThat(assessment.seeProfessional()).isEqualTo(runner.referral() != Referral.NONE);
	}

	// ---- Guards: the cases cover the whole table and every tier

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

	/** Each reason a tier can give is given, as that tier, by some case. */
	@Test
	void everyTierReasonIsGivenInSomeCase() {
		Map<Referral, Set<String>> given = cases().collect(Collectors.groupingBy(RunnerCase::referral,
				Collectors.flatMapping((runner) -> runner.reasonKeys().stream(), Collectors.toSet())));
		this.service.reasonKeysByTier()
			.forEach((tier, reasons) -> assertThat(given.getOrDefault(tier, Set.of())).as(tier.name())
				.containsAll(reasons));
	}

	@Test
	void everyRiskFactorAndGroupHasARule() {
		assertThat(ShippedRuleTable.table().rules().stream().map(Rule::factor).collect(Collectors.toSet()))
			.containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(Factor.SYMPTOMS)));
		assertThat(ShippedRuleTable.table().rules().stream().map(Rule::group).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(Group.values());
	}

	// ---- Advice

	@Test
	void everyRuleHasAdviceOfItsOwnAfterSelfCareAndBeforeTheGeneralAdvice() {
		List<String> general = ShippedRuleTable.table().generalAdvice().stream().map(GeneralAdvice::adviceKey).toList();
		assertThat(ShippedRuleTable.table().rules())
			.allSatisfy((rule) -> assertThat(general).as(rule.id()).doesNotContain(rule.adviceKey()));
		cases().forEach((runner) -> {
			Assessment assessment = this.service.assess(runner.answers());
			boolean pain = runner.answers().get(Question.PAIN).present();
			assertThat(assessment.advice().get(0).selfCare()).as(runner.scenario()).isEqualTo(pain);
			if (pain) {
				// "most sciatica gets better within weeks" only where no tier says today
				// or
				// this week
				assertThat(assessment.advice().get(0).key()).as(runner.scenario())
					.isEqualTo((assessment.referral().compareTo(Referral.SOON) >= 0) ? Advice.SELF_CARE_AFTER_HELP
							: Advice.SELF_CARE);
			}
			assertThat(
					assessment.advice().stream().skip(pain ? 1 : 0).takeWhile(Advice::answersFinding).map(Advice::key))
				.as(runner.scenario())
				.containsExactlyElementsOf(assessment.findings().stream().map(Finding::adviceKey).distinct().toList());
		});
	}

	@Test
	void generalAdviceFollowsTheAdviceForFindings() {
		RunnerCase most = cases().max((a, b) -> Integer.compare(a.findings().size(), b.findings().size()))
			.orElseThrow();
		List<Advice> advice = this.service.assess(most.answers()).advice();
		int firstGeneral = advice.indexOf(advice.stream()
			.filter((a) -> !a.answersFinding() && !a.key().equals(Advice.SELF_CARE))
			.findFirst()
			.orElseThrow());
		assertThat(advice.subList(firstGeneral, advice.size())).noneMatch(Advice::answersFinding);
		assertThat(advice.subList(firstGeneral, advice.size())).extracting(Advice::key)
			.containsExactly("advice.general.running-form", "advice.general.strength-training",
					"advice.general.build-up-gradually", "advice.general.shoes-and-surfaces",
					"advice.general.keep-running");
	}

	// ---- The hit policy, on a table made to test it

	/**
	 * Within a group the highest-scoring match adds its points even when a lower one
	 * comes first in the table; the others are counted with it.
	 */
	@Test
	void theHighestScoringRuleOfAGroupAddsItsPointsWhereverItIsInTheTable() {
		RulesService hitPolicy = new RulesService(
				table("""
						| FIRST-LOWER | LOAD | TRAINING_LOAD | intensity-change | is | MUCH_MORE | 3 | EXPERT_OPINION | no | s | summary.a | finding.a | advice.a |
						| SECOND-HIGHER | LOAD | TRAINING_LOAD | longest-run-increase-percent | > | 10 | 10 | MODERATE | yes | s | summary.a | finding.b | advice.b |
						| THIRD-TIE | LOAD | TRAINING_LOAD | weekly-distance-increase-percent | > | 30 | 10 | MODERATE | yes | s | summary.a | finding.c | advice.c |
						| OTHER-GROUP | SMOKING | LIFESTYLE | smoker | is | YES | 15 | STRONG | no | s | summary.a | finding.d | advice.d |
						""",
						15));
		Assessment assessment = hitPolicy.assess(RunnerFixture.calm()
			.with(Question.INTENSITY_CHANGE, IntensityChange.MUCH_MORE)
			.with(Question.LONGEST_RUN_KM, 20.0)
			.with(Question.WEEKLY_DISTANCE_KM, 40.0)
			.with(Question.SMOKER, true)
			.answers());
		assertThat(assessment.findings()).extracting(RunnerCases::describe)
			.containsExactly("FIRST-LOWER(SECOND-HIGHER)", "SECOND-HIGHER", "THIRD-TIE(SECOND-HIGHER)", "OTHER-GROUP");
		assertThat(assessment.findings()).extracting(Finding::points).containsExactly(0, 10, 0, 15);
		assertThat(assessment.score()).isEqualTo(25);
	}

	@Test
	void theScoreIsCappedAtOneHundred() {
		RulesService generous = new RulesService(
				table("""
						| SMOKING | SMOKING | LIFESTYLE | smoker | is | YES | 60 | STRONG | no | s | summary.a | finding.a | advice.a |
						| NO-STRENGTH | STRENGTH | MUSCLE_BALANCE | strength-sessions-per-week | < | 1 | 60 | STRONG | no | s | summary.a | finding.b | advice.b |
						""",
						60));
		Assessment assessment = generous.assess(RunnerFixture.calm()
			.with(Question.SMOKER, true)
			.with(Question.STRENGTH_SESSIONS_PER_WEEK, 0)
			.answers());
		assertThat(assessment.findings()).extracting(Finding::points).containsExactly(60, 60);
		assertThat(assessment.score()).isEqualTo(100);
		assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
	}

	private static RuleTable table(String rules, int strongPoints) {
		return RuleTableParser.parse("hit-policy.md",
				"""
						Version: test

						| grade | points |
						|---|---|
						| STRONG | %d |
						| MODERATE | 10 |
						| LIMITED | 6 |
						| EXPERT_OPINION | 3 |

						| id | group | factor | measure | operator | threshold | points | evidence | indirect | source | evidence summary | explanation | advice |
						|---|---|---|---|---|---|---|---|---|---|---|---|---|
						%s
						| level | lowest score |
						|---|---|
						| LOW | 0 |
						| MODERATE | 15 |
						| HIGH | 30 |

						| general advice | source |
						|---|---|
						| advice.general.a | s |
						"""
					.formatted(strongPoints, rules));
	}

	// ---- The README's example runner

	/**
	 * The runner of the README's API example, with the figures the README gives: pain for
	 * 6 weeks (ROUTINE), a long run 25% over the month before (10) and no strength work
	 * (6) make 16, MODERATE; the leg pain adds nothing.
	 */
	@Test
	void theReadmeExampleRunnerGetsWhatTheReadmeSays() {
		Assessment assessment = this.service.assess(RunnerFixture.calm()
			.with(Question.WEEKLY_DISTANCE_KM, 34.0)
			.with(Question.LONGEST_RUN_KM, 15.0)
			.with(Question.UNEVEN_SURFACES, Surface.SOME)
			.with(Question.STRENGTH_SESSIONS_PER_WEEK, 0)
			.inPain(Pain.ONE_LEG, 6, 4)
			.answers());
		assertThat(assessment.findings()).extracting(Finding::ruleId, Finding::points)
			.containsExactly(tuple("LOAD-LONG-RUN-SPIKE", 10), tuple("STRENGTH-NONE", 6));
		assertThat(assessment.score()).isEqualTo(16);
		assertThat(assessment.level()).isEqualTo(RiskLevel.MODERATE);
		assertThat(assessment.referral()).isEqualTo(Referral.ROUTINE);
		assertThat(assessment.referralReasonKeys()).containsExactly(Triage.PREFIX + "PERSISTENT_PAIN");
	}

	// ---- The safety step

	/** The safety step stops on exactly the reasons the full triage gives them. */
	@Test
	void theSafetyStepGivesTheEmergencyReasonsOfTheFullTriage() {
		Map<Question<?>, Object> allNo = new LinkedHashMap<>();
		Question.SAFETY_CHECK.forEach((question) -> allNo.put(question, false));
		assertThat(this.service.safetyReasons(allNo)).isEmpty();
		for (Question<Boolean> question : Question.SAFETY_CHECK) {
			Map<Question<?>, Object> oneYes = new LinkedHashMap<>(allNo);
			oneYes.put(question, true);
			Assessment full = this.service.assess(RunnerFixture.calm().with(question, true).answers());
			assertThat(this.service.safetyReasons(oneYes)).as(question.name())
				.containsExactly(Triage.PREFIX + question.pageName())
				.isEqualTo(full.referralReasonKeys());
			assertThat(full.referral()).isEqualTo(Referral.EMERGENCY);
		}
	}

	// ---- Versions and determinism

	@Test
	void reportsTheRulesVersion() {
		assertThat(this.service.assess(RunnerCases.all().get(0).answers()).rulesVersion())
			.isEqualTo(ShippedRuleTable.table().version())
			.isEqualTo("2");
	}

	@Test
	void sameAnswersGiveTheSameAssessment() {
		cases().forEach((runner) -> assertThat(this.service.assess(runner.answers()))
			.isEqualTo(this.service.assess(runner.answers())));
	}

}
