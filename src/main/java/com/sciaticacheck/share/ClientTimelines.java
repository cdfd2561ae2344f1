package com.sciaticacheck.share;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Finding;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Builds a client's timeline from their stored checks, each read back as its client saw
 * it: nothing is re-scored.
 */
@Component
class ClientTimelines {

	/**
	 * The API name of leg pain on average over the last week (0-10), asked at every check
	 * where there is pain.
	 */
	static final String LEG_PAIN_AVERAGE = "legPainAverage";

	/** The API name of back pain on average over the last week (0-10). */
	static final String BACK_PAIN_AVERAGE = "backPainAverage";

	private final ShareService share;

	private final JsonMapper json;

	ClientTimelines(ShareService share, JsonMapper json) {
		this.share = share;
		this.json = json;
	}

	/** The timeline of these checks, oldest first. */
	ClientTimeline of(List<Submission> oldestFirst) {
		return new ClientTimeline(oldestFirst.stream().map(this::check).toList());
	}

	private ClientTimeline.Check check(Submission submission) {
		CheckOutcome outcome = this.share.outcome(submission);
		List<Finding> findings = (outcome instanceof CheckOutcome.Assessed assessed) ? assessed.assessment().findings()
				: List.of();
		Map<Question<Double>, Double> load = new LinkedHashMap<>();
		for (Question<Double> question : ClientTimeline.LOAD) {
			if (outcome.answers().get(question) instanceof Double km) {
				load.put(question, km);
			}
		}
		return new ClientTimeline.Check(submission, tier(submission), submission.complete() ? submission.score() : null,
				painAverage(submission, LEG_PAIN_AVERAGE), painAverage(submission, BACK_PAIN_AVERAGE), findings, load);
	}

	/**
	 * The tier as the timeline marks it: what the client was told. An urgent of rules
	 * version 1 meant "this week", so it is marked as this week's tier, never as "today".
	 */
	static Referral tier(Submission submission) {
		return (submission.referral() == Referral.URGENT && submission.scoredByRulesVersionOne()) ? Referral.SOON
				: submission.referral();
	}

	/**
	 * A pain average (0-10) from the stored answers by its API name, or null when the
	 * check did not ask it. Read from the stored JSON itself, so answers stored before
	 * the question was in the catalogue, or after, read the same.
	 */
	Integer painAverage(Submission submission, String apiName) {
		JsonNode value = this.json.readTree(submission.answers()).get(apiName);
		if (value == null || !value.isIntegralNumber()) {
			return null;
		}
		int score = value.asInt();
		return (score >= 0 && score <= 10) ? score : null;
	}

}
