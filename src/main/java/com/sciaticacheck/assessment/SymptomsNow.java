package com.sciaticacheck.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.ChangeSinceLastCheck;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;

/**
 * What a runner said about their pain and symptoms now, for the result's "Your symptoms
 * now": they decide the tier, never the score, so the result shows them in words of their
 * own.
 *
 * @param pain where the pain is, or null when the question was not reached
 * @param weeks for how many weeks, or null
 * @param severity how bad at its worst, out of 10, or null
 * @param legPainAverage leg pain on average over the last 7 days, out of 10, or null
 * (never asked by older checks, optional in the API)
 * @param backPainAverage back pain on average over the last 7 days, out of 10, or null
 * @param change how they are compared with their last check, or null when this check was
 * no follow-up
 * @param symptomKeys the message keys of the symptoms ticked
 * @param warningSignKeys the message keys of the warning signs ticked
 */
public record SymptomsNow(Pain pain, Integer weeks, Integer severity, Integer legPainAverage, Integer backPainAverage,
		ChangeSinceLastCheck change, List<String> symptomKeys, List<String> warningSignKeys) {

	public SymptomsNow {
		symptomKeys = List.copyOf(symptomKeys);
		warningSignKeys = List.copyOf(warningSignKeys);
	}

	/** From the answers of a check, as given or as stored under any rules version. */
	public static SymptomsNow of(Map<Question<?>, Object> answers) {
		return new SymptomsNow((Pain) answers.get(Question.PAIN), (Integer) answers.get(Question.PAIN_WEEKS),
				(Integer) answers.get(Question.PAIN_SEVERITY), (Integer) answers.get(Question.LEG_PAIN_AVERAGE),
				(Integer) answers.get(Question.BACK_PAIN_AVERAGE),
				(ChangeSinceLastCheck) answers.get(Question.CHANGE_SINCE_LAST_CHECK), keys(Question.SYMPTOMS, answers),
				keys(Question.WARNING_SIGNS, answers));
	}

	private static List<String> keys(Question<?> question, Map<Question<?>, Object> answers) {
		Object given = answers.get(question);
		if (!(given instanceof Collection<?> options)) {
			return List.of();
		}
		return options.stream().map((option) -> question.optionKeyPrefix() + "." + ((Enum<?>) option).name()).toList();
	}

	public boolean hasPain() {
		return this.pain != null && this.pain.present();
	}

	/** Whether anything at all was ticked or said about symptoms. */
	public boolean hasTicked() {
		return !this.symptomKeys.isEmpty() || !this.warningSignKeys.isEmpty();
	}

}
