package com.sciaticacheck.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks answers against the catalogue: each required answer is there, each number is in
 * its range, and the answers fit together (a longest run cannot be longer than the week
 * it was in). The questionnaire and the API both call this, so they refuse the same
 * things; each words the problem for its own readers.
 */
public final class AnswerCheck {

	/** What is wrong with one answer. */
	public enum Kind {

		/** No answer where one is needed. */
		REQUIRED,
		/**
		 * A number outside {@link Question#min()} to {@link Question#max()}.
		 */
		OUT_OF_RANGE,
		/** The answer contradicts another: the message key says how. */
		DOES_NOT_FIT

	}

	/**
	 * A problem with one answer; {@code messageKey} explains a {@link Kind#DOES_NOT_FIT}.
	 */
	public record Problem(Question<?> question, Kind kind, String messageKey) {

		static Problem of(Question<?> question, Kind kind) {
			return new Problem(question, kind, null);
		}

	}

	/** Symptoms that describe pain, so they need some. */
	private static final Set<Symptom> PAIN_SYMPTOMS = Set.of(Symptom.WORSE_WHEN_RUNNING, Symptom.GETTING_WORSE,
			Symptom.STOPS_NORMAL_ACTIVITIES);

	private AnswerCheck() {
	}

	/**
	 * The problems with answers given through the JSON API, which needs the least
	 * ({@link Asking#BY_API}).
	 * @see #problems(Map, Asking)
	 */
	public static List<Problem> problems(Map<Question<?>, ?> values) {
		return problems(values, Asking.BY_API);
	}

	/**
	 * The problems with these answers, at most one per question, in catalogue order of
	 * discovery; empty when {@link Answers} can be made from them.
	 * @param values typed answers, as {@link Question#read} returns them; distances in
	 * kilometres
	 * @param asking how they were asked, which decides the answers needed
	 */
	public static List<Problem> problems(Map<Question<?>, ?> values, Asking asking) {
		List<Problem> problems = new ArrayList<>();
		Pain pain = (Pain) values.get(Question.PAIN);
		boolean painNow = pain != null && pain.present();
		for (Question<?> question : Question.ALL) {
			Object value = values.get(question);
			if (value == null && asking.needs(question, painNow)) {
				// an answer needed with pain says so: it is needed because of another
				problems.add(Problem.of(question,
						question.requirement().onlyWithPain() ? Kind.DOES_NOT_FIT : Kind.REQUIRED));
			}
			else if (value instanceof Number number && outOfRange(question, number)) {
				problems.add(Problem.of(question, Kind.OUT_OF_RANGE));
			}
		}
		// distances are compared only when both are in range: a weekly distance of -1 is
		// reported as out of range, not also as shorter than the longest run; height and
		// weight go together whatever their values
		Map<Question<?>, Object> inRange = new HashMap<>(values);
		problems.stream()
			.filter((problem) -> problem.kind() == Kind.OUT_OF_RANGE)
			.forEach((problem) -> inRange.remove(problem.question()));
		List<Problem> fit = new ArrayList<>();
		bothOrNeither(values, fit);
		painAnswersNeedPain(values, pain, fit);
		checkWeek(inRange, fit, Question.WEEKLY_DISTANCE_KM, Question.LONGEST_RUN_KM, "answers.longestRun", true);
		checkWeek(inRange, fit, Question.BASELINE_WEEKLY_DISTANCE_KM, Question.BASELINE_LONGEST_RUN_KM,
				"answers.baselineLongestRun", false);
		for (Problem problem : problems) {
			if (problem.kind() == Kind.DOES_NOT_FIT) {
				fit.add(misfit(problem.question(), "withPain"));
			}
		}
		List<Problem> all = new ArrayList<>(problems.stream().filter((p) -> p.kind() != Kind.DOES_NOT_FIT).toList());
		for (Problem problem : fit) {
			// a value that is missing or out of range says so first
			if (all.stream().noneMatch((known) -> known.question() == problem.question())) {
				all.add(problem);
			}
		}
		return all;
	}

	private static boolean outOfRange(Question<?> question, Number number) {
		if (question.min() == null) {
			return false;
		}
		BigDecimal value = new BigDecimal(number.toString());
		return value.compareTo(question.min()) < 0 || value.compareTo(question.max()) > 0;
	}

	/** Height and weight only count together, for BMI. */
	private static void bothOrNeither(Map<Question<?>, ?> values, List<Problem> problems) {
		Object height = values.get(Question.HEIGHT_CM);
		Object weight = values.get(Question.WEIGHT_KG);
		if (height != null && weight == null) {
			problems.add(new Problem(Question.WEIGHT_KG, Kind.DOES_NOT_FIT, "answers.weight.withHeight"));
		}
		if (height == null && weight != null) {
			problems.add(new Problem(Question.HEIGHT_CM, Kind.DOES_NOT_FIT, "answers.height.withWeight"));
		}
	}

	/**
	 * Pain that is worse at night, worse when running, getting worse or stopping normal
	 * activities is pain: it cannot come with none, or "your symptoms now" would say
	 * both.
	 */
	private static void painAnswersNeedPain(Map<Question<?>, ?> values, Pain pain, List<Problem> problems) {
		if (pain != Pain.NONE) {
			return;
		}
		if (values.get(Question.WARNING_SIGNS) instanceof Set<?> signs
				&& signs.contains(WarningSign.NIGHT_OR_CONSTANT_PAIN)) {
			problems.add(misfit(Question.WARNING_SIGNS, "nightPain"));
			problems.add(misfit(Question.PAIN, "nightPain"));
		}
		if (values.get(Question.SYMPTOMS) instanceof Set<?> symptoms
				&& symptoms.stream().anyMatch(PAIN_SYMPTOMS::contains)) {
			problems.add(misfit(Question.SYMPTOMS, "painSymptoms"));
			problems.add(misfit(Question.PAIN, "painSymptoms"));
		}
	}

	/**
	 * An answer that contradicts another, explained by the message
	 * {@code answers.<question>.<reason>}.
	 */
	private static Problem misfit(Question<?> question, String reason) {
		return new Problem(question, Kind.DOES_NOT_FIT, "answers." + question.name() + "." + reason);
	}

	/**
	 * A longest run belongs to the distance of its period: it is zero exactly when
	 * nothing was run, and no longer than a week's total when it lies in that week.
	 */
	private static void checkWeek(Map<Question<?>, ?> values, List<Problem> problems, Question<Double> period,
			Question<Double> longestRun, String keyPrefix, boolean inThatWeek) {
		Double weekly = (Double) values.get(period);
		Double longest = (Double) values.get(longestRun);
		if (weekly == null || longest == null) {
			return;
		}
		if (weekly == 0 && longest > 0 && inThatWeek) {
			problems.add(new Problem(longestRun, Kind.DOES_NOT_FIT, keyPrefix + ".withoutDistance"));
		}
		else if (weekly > 0 && longest == 0) {
			problems.add(new Problem(longestRun, Kind.DOES_NOT_FIT, keyPrefix + ".missing"));
		}
		else if (inThatWeek && longest > weekly) {
			problems.add(new Problem(longestRun, Kind.DOES_NOT_FIT, keyPrefix + ".moreThanWeek"));
		}
	}

}
