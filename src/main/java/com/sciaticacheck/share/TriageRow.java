package com.sciaticacheck.share;

import java.util.List;
import java.util.Map;

import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;

/**
 * One shared answer as a dashboard row: what a physio triages by (the tier and its
 * reasons in short, where the pain is, how bad at worst, for how many weeks, and when),
 * before opening it.
 *
 * @param submission the stored answer
 * @param linkName the clinic name of the link it came through
 * @param reasonKeys message keys of the tier's reasons, in short
 * @param pain where the pain is now
 * @param worstPain the pain's severity, 0 to 10, when there is pain
 * @param weeks how many weeks the pain has lasted, when there is pain
 */
record TriageRow(Submission submission, String linkName, List<String> reasonKeys, Pain pain, Integer worstPain,
		Integer weeks) {

	/** Prefix of the short reason texts; the rest of the key is the reason's own. */
	static final String SHORT_REASON = "clinic.reasonShort.";

	static TriageRow of(Submission submission, String linkName, CheckOutcome outcome) {
		Map<Question<?>, Object> answers = outcome.answers();
		List<String> reasons = outcome.referralReasonKeys()
			.stream()
			.map((key) -> SHORT_REASON + key.substring(key.lastIndexOf('.') + 1))
			.toList();
		return new TriageRow(submission, linkName, reasons, (Pain) answers.get(Question.PAIN),
				(Integer) answers.get(Question.PAIN_SEVERITY), (Integer) answers.get(Question.PAIN_WEEKS));
	}

}
