package com.sciaticacheck.share;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.Evidence;
import com.sciaticacheck.rules.Factor;
import com.sciaticacheck.rules.Finding;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's timeline as its page reads it: the tier each check is marked with, the pain
 * averages read from the stored answers, and what changed between the last two checks.
 * Plain unit test: no database, no Spring context.
 */
class ClientTimelineTests {

	private static final Instant FIRST = Instant.parse("2026-10-15T12:00:00Z");

	private final ClientTimelines timelines = new ClientTimelines(null, JsonMapper.builder().build());

	/** A stored check with only what the timeline reads. */
	private static Submission stored(int storedFormVersion, Referral referral, Integer score, String answers,
			Instant at) {
		return new Submission(null, "id", 1L, "hash", null, at, "2.0", referral, score != null,
				(score != null) ? RiskLevel.LOW : null, score, storedFormVersion, answers, "{}", 1L);
	}

	private static Finding finding(String ruleId, Factor factor) {
		return new Finding(ruleId, null, factor, 10, null, Evidence.MODERATE, false, null, "finding." + ruleId,
				"source", "advice");
	}

	/**
	 * Rules version 1 (stored forms 1 and 2) had no "this week" tier: its urgent meant
	 * this week, and is marked so, never as "today".
	 */
	@Test
	void anUrgentOfRulesVersionOneIsMarkedThisWeekNeverToday() {
		assertThat(ClientTimelines.tier(stored(2, Referral.URGENT, 40, "{}", FIRST))).isEqualTo(Referral.SOON);
		assertThat(ClientTimelines.tier(stored(1, Referral.URGENT, 40, "{}", FIRST))).isEqualTo(Referral.SOON);
		assertThat(ClientTimelines.tier(stored(3, Referral.URGENT, 40, "{}", FIRST))).isEqualTo(Referral.URGENT);
		assertThat(ClientTimelines.tier(stored(2, Referral.EMERGENCY, null, "{}", FIRST)))
			.isEqualTo(Referral.EMERGENCY);
	}

	/**
	 * The pain averages are read by their API names, whole numbers from 0 to 10 only: a
	 * check that did not ask them has none, never a 0.
	 */
	@Test
	void painAveragesAreReadByTheirApiNamesAndNeverMadeUp() {
		Submission asked = stored(3, Referral.ROUTINE, 30, "{\"legPainAverage\": 7, \"backPainAverage\": 0}", FIRST);
		assertThat(this.timelines.painAverage(asked, "legPainAverage")).isEqualTo(7);
		assertThat(this.timelines.painAverage(asked, "backPainAverage")).isZero();
		Submission notAsked = stored(3, Referral.ROUTINE, 30, "{\"painSeverity\": 6}", FIRST);
		assertThat(this.timelines.painAverage(notAsked, "legPainAverage")).isNull();
		Submission odd = stored(3, Referral.ROUTINE, 30,
				"{\"legPainAverage\": 11, \"backPainAverage\": \"5\", \"x\": null}", FIRST);
		assertThat(this.timelines.painAverage(odd, "legPainAverage")).isNull();
		assertThat(this.timelines.painAverage(odd, "backPainAverage")).isNull();
	}

	@Test
	void whatChangedNamesRiskFactorsThatAppearedOrWentTheTierAndTheLoad() {
		ClientTimeline.Check before = new ClientTimeline.Check(stored(3, Referral.ROUTINE, 40, "{}", FIRST),
				Referral.ROUTINE, 40, 6, 4,
				List.of(finding("LOAD-LONG-RUN-SPIKE", Factor.TRAINING_LOAD),
						finding("HISTORY-SCIATICA", Factor.PRE_EXISTING_CONDITION)),
				Map.of(Question.LONGEST_RUN_KM, 15.0, Question.WEEKLY_DISTANCE_KM, 30.0));
		ClientTimeline.Check after = new ClientTimeline.Check(
				stored(3, Referral.NONE, 36, "{}", FIRST.plusSeconds(21 * 86400)), Referral.NONE, 36, 3, 3,
				List.of(finding("HISTORY-SCIATICA", Factor.PRE_EXISTING_CONDITION),
						finding("STRENGTH-NONE", Factor.MUSCLE_BALANCE)),
				Map.of(Question.LONGEST_RUN_KM, 12.0));
		ClientTimeline.Change change = new ClientTimeline(List.of(before, after)).lastChange();

		assertThat(change.comparable()).isTrue();
		assertThat(change.tierChanged()).isTrue();
		assertThat(change.appeared()).extracting(Finding::ruleId).containsExactly("STRENGTH-NONE");
		assertThat(change.went()).extracting(Finding::ruleId).containsExactly("LOAD-LONG-RUN-SPIKE");
		assertThat(change.load())
			.extracting((load) -> load.question().name() + " " + load.before() + " " + load.after())
			.containsExactly("weeklyDistanceKm 30.0 null", "longestRunKm 15.0 12.0");
		assertThat(new ClientTimeline(List.of(after)).lastChange()).as("one check: nothing to compare").isNull();
	}

	/**
	 * A check stopped at the safety questions found no risk factors: none are said to
	 * have gone.
	 */
	@Test
	void aStopAtTheSafetyQuestionsIsNotReadAsRiskFactorsGone() {
		ClientTimeline.Check before = new ClientTimeline.Check(stored(3, Referral.ROUTINE, 40, "{}", FIRST),
				Referral.ROUTINE, 40, 6, 4, List.of(finding("LOAD-LONG-RUN-SPIKE", Factor.TRAINING_LOAD)), Map.of());
		ClientTimeline.Check stopped = new ClientTimeline.Check(
				stored(3, Referral.EMERGENCY, null, "{}", FIRST.plusSeconds(86400)), Referral.EMERGENCY, null, null,
				null, List.of(), Map.of());
		ClientTimeline.Change change = new ClientTimeline(List.of(before, stopped)).lastChange();

		assertThat(change.comparable()).isFalse();
		assertThat(change.went()).isEmpty();
		assertThat(change.appeared()).isEmpty();
		assertThat(change.tierChanged()).isTrue();
	}

}
