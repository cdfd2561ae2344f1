package com.sciaticacheck.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A runner's answers, already checked by {@link AnswerCheck}, keyed by the questions of
 * the {@link Question catalogue}; distances in kilometres. Derived measures (BMI, load
 * increases) live here as small named methods so the rule table holds only thresholds.
 */
public final class Answers {

	private final Map<Question<?>, Object> values;

	/**
	 * @param given an answer for every question that is always required; answers that
	 * only count with pain are dropped when there is none
	 * @throws IllegalArgumentException when a required answer is missing or an answer has
	 * the wrong type
	 */
	public Answers(Map<Question<?>, ?> given) {
		Pain pain = Question.PAIN.accept(given.get(Question.PAIN));
		Map<Question<?>, Object> values = new LinkedHashMap<>();
		for (Question<?> question : Question.ALL) {
			Object value = question.accept(given.get(question));
			if (question.requirement() == Question.Requirement.ALWAYS && value == null) {
				throw new IllegalArgumentException("No answer to " + question);
			}
			if (question.requirement().onlyWithPain() && (pain == null || !pain.present())) {
				value = null;
			}
			if (question.kind() == Question.Kind.ANY_OF && value == null) {
				value = Set.of();
			}
			if (value != null) {
				values.put(question, value);
			}
		}
		this.values = Collections.unmodifiableMap(values);
	}

	/** The answer to a question; {@code null} for an optional one left empty. */
	@SuppressWarnings("unchecked")
	public <T> T get(Question<T> question) {
		return (T) this.values.get(question);
	}

	/** Every answer given, in catalogue order. */
	public Map<Question<?>, Object> asMap() {
		return this.values;
	}

	/** The same answers with one changed: for tests that vary a single answer. */
	public <T> Answers with(Question<T> question, T value) {
		Map<Question<?>, Object> changed = new LinkedHashMap<>(this.values);
		changed.put(question, value);
		return new Answers(changed);
	}

	/** Body mass index, when both height and weight were given. */
	public OptionalDouble bmi() {
		Integer centimetres = get(Question.HEIGHT_CM);
		Double kilograms = get(Question.WEIGHT_KG);
		if (centimetres == null || kilograms == null) {
			return OptionalDouble.empty();
		}
		double metres = centimetres / 100.0;
		return OptionalDouble.of(kilograms / (metres * metres));
	}

	/**
	 * How much longer the longest run of the last 7 days is than the longest run of the
	 * 30 days before, in percent. A zero baseline is a starting or returning runner: any
	 * run at all is then an unlimited increase, the largest jump there is, so every spike
	 * rule applies to it (and the score never drops as the baseline falls to zero).
	 */
	public double longestRunIncreasePercent() {
		return increasePercent(get(Question.LONGEST_RUN_KM), get(Question.BASELINE_LONGEST_RUN_KM));
	}

	/**
	 * How much more was run in the last 7 days than the weekly average of the 4 weeks
	 * before, in percent; a zero baseline is handled as in
	 * {@link #longestRunIncreasePercent()}.
	 */
	public double weeklyDistanceIncreasePercent() {
		return increasePercent(get(Question.WEEKLY_DISTANCE_KM), get(Question.BASELINE_WEEKLY_DISTANCE_KM));
	}

	private static double increasePercent(double now, double before) {
		if (before == 0) {
			return (now > 0) ? Double.POSITIVE_INFINITY : 0;
		}
		// rounded so that a boundary such as 13.2 km after 12 km is exactly 10%, not
		// 10.000000000000002%
		return Math.rint((now - before) / before * 100 * 10_000) / 10_000;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Answers answers) && this.values.equals(answers.values);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.values);
	}

	@Override
	public String toString() {
		// answers are health data: never in logs or exception messages
		return "Answers[" + this.values.size() + " answers]";
	}

}
