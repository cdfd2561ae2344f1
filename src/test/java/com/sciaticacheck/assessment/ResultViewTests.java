package com.sciaticacheck.assessment;

import java.util.List;

import com.sciaticacheck.rules.Advice;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Evidence;
import com.sciaticacheck.rules.Factor;
import com.sciaticacheck.rules.Finding;
import com.sciaticacheck.rules.Group;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the result fragments arrange a result, for results of either rules version: the
 * shared result pages show stored version-1 results through the same fragments.
 */
class ResultViewTests {

	private final ResultView view = new ResultView();

	@Test
	void findingsComeByGroupWithTheOneThatAddsThePointsFirst() {
		Finding countedWith = finding("HISTORY-BACK-PAIN", Group.BACK_HISTORY, 0, "HISTORY-HERNIATED-DISC");
		Finding winner = finding("HISTORY-HERNIATED-DISC", Group.BACK_HISTORY, 6, null);
		Finding smoking = finding("LIFESTYLE-SMOKING", Group.SMOKING, 15, null);
		List<ResultView.FindingGroup> groups = this.view
			.findingGroups(assessment(Referral.NONE, List.of(countedWith, smoking, winner), List.of()));
		assertThat(groups).extracting(ResultView.FindingGroup::group)
			.containsExactly(Group.BACK_HISTORY, Group.SMOKING);
		assertThat(groups.get(0).findings()).containsExactly(winner, countedWith);
		assertThat(groups.get(0).points()).isEqualTo(6);
	}

	@Test
	void findingsOfRulesVersion1ShowUngroupedInTheirOrder() {
		Finding load = finding("LOAD-1", null, 12, null);
		Finding symptoms = finding("SYMPTOMS-LEG", null, 14, null);
		List<ResultView.FindingGroup> groups = this.view
			.findingGroups(assessment(Referral.URGENT, List.of(load, symptoms), List.of()));
		assertThat(groups).hasSize(1);
		assertThat(groups.get(0).group()).isNull();
		assertThat(groups.get(0).findings()).containsExactly(load, symptoms);
	}

	@Test
	void selfCareIsShownWithTheSymptomsAndNotAgainWithTheAdvice() {
		Advice selfCare = new Advice(Advice.SELF_CARE, "nhs.uk", false);
		Advice general = new Advice("advice.general.keep-running", "source", false);
		Advice targeted = new Advice("advice.stop-smoking", "source", true);
		Assessment assessment = assessment(Referral.ROUTINE, List.of(), List.of(selfCare, targeted, general));
		assertThat(this.view.selfCare(assessment)).isEqualTo(selfCare);
		assertThat(this.view.targetedAdvice(assessment)).containsExactly(targeted);
		assertThat(this.view.generalAdvice(assessment)).containsExactly(general);
		assertThat(this.view.selfCare(assessment(Referral.NONE, List.of(), List.of(general)))).isNull();
	}

	@Test
	void theScoreIsAboutFutureEpisodesFromRoutineUp() {
		assertThat(this.view.scoreForFutureEpisodes(assessment(Referral.NONE, List.of(), List.of()))).isFalse();
		for (Referral tier : List.of(Referral.ROUTINE, Referral.SOON, Referral.URGENT)) {
			assertThat(this.view.scoreForFutureEpisodes(assessment(tier, List.of(), List.of()))).as(tier.name())
				.isTrue();
		}
	}

	private static Finding finding(String id, Group group, int points, String countedWith) {
		return new Finding(id, group, Factor.PRE_EXISTING_CONDITION, points, countedWith, Evidence.LIMITED, false,
				(group != null) ? "summary.back-history" : null, "finding.history-back-pain", "source",
				"advice.keep-up-what-helped");
	}

	private static Assessment assessment(Referral referral, List<Finding> findings, List<Advice> advice) {
		return new Assessment("2", 0, RiskLevel.LOW, referral, List.of(), findings, advice);
	}

}
