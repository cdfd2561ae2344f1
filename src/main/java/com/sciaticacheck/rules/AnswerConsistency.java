package com.sciaticacheck.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that answers fit together (a longest run cannot be longer than the week it was
 * in), shared by the questionnaire and the API so both refuse the same contradictions.
 * Each check is skipped while a value it needs is missing: that is reported on its own.
 */
public final class AnswerConsistency {

	/** Which answer a problem belongs to, so each caller names its own field. */
	public enum Field {

		HEIGHT, WEIGHT, LONGEST_RUN, BASELINE_LONGEST_RUN, PAIN_WEEKS, PAIN_SEVERITY

	}

	/** A contradiction, with the message key that explains it. */
	public record Problem(Field field, String messageKey) {
	}

	private AnswerConsistency() {
	}

	public static List<Problem> check(Integer heightCm, Number weightKg, Number weeklyKm, Number longestKm,
			Number baselineWeeklyKm, Number baselineLongestKm, Pain pain, Integer painWeeks, Integer painSeverity) {
		List<Problem> problems = new ArrayList<>();
		if (heightCm != null && weightKg == null) {
			problems.add(new Problem(Field.WEIGHT, "answers.weight.withHeight"));
		}
		if (heightCm == null && weightKg != null) {
			problems.add(new Problem(Field.HEIGHT, "answers.height.withWeight"));
		}
		checkWeek(problems, Field.LONGEST_RUN, weeklyKm, longestKm, "answers.longestRun");
		checkWeek(problems, Field.BASELINE_LONGEST_RUN, baselineWeeklyKm, baselineLongestKm,
				"answers.baselineLongestRun");
		if (pain != null && pain.present()) {
			if (painWeeks == null) {
				problems.add(new Problem(Field.PAIN_WEEKS, "answers.painWeeks.withPain"));
			}
			if (painSeverity == null) {
				problems.add(new Problem(Field.PAIN_SEVERITY, "answers.painSeverity.withPain"));
			}
		}
		return problems;
	}

	/**
	 * A longest run belongs to the distance of its period: it is zero exactly when
	 * nothing was run, and no longer than a week's total when it lies in that week.
	 */
	private static void checkWeek(List<Problem> problems, Field field, Number weekly, Number longest,
			String keyPrefix) {
		if (weekly == null || longest == null) {
			return;
		}
		double week = weekly.doubleValue();
		double run = longest.doubleValue();
		if (week == 0 && run > 0 && field == Field.LONGEST_RUN) {
			problems.add(new Problem(field, keyPrefix + ".withoutDistance"));
		}
		else if (week > 0 && run == 0) {
			problems.add(new Problem(field, keyPrefix + ".missing"));
		}
		else if (field == Field.LONGEST_RUN && run > week) {
			problems.add(new Problem(field, keyPrefix + ".moreThanWeek"));
		}
	}

}
