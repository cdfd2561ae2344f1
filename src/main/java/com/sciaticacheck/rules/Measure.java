package com.sciaticacheck.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a rule looks at: one answer, or a measure derived from the answers by a named
 * method of {@link Answers}. The names in the rule table are these constants in lower
 * case with dashes.
 */
public enum Measure {

	LONGEST_RUN_INCREASE_PERCENT(Kind.NUMBER, Answers::longestRunIncreasePercent,
			(answers) -> List.of(oneDecimal(answers.get(Question.BASELINE_LONGEST_RUN_KM)),
					tenPercentMore(answers.get(Question.BASELINE_LONGEST_RUN_KM)))),

	WEEKLY_DISTANCE_INCREASE_PERCENT(Kind.NUMBER, Answers::weeklyDistanceIncreasePercent,
			(answers) -> List.of(oneDecimal(answers.get(Question.BASELINE_WEEKLY_DISTANCE_KM)),
					oneDecimal(answers.get(Question.WEEKLY_DISTANCE_KM)))),

	INTENSITY_CHANGE(Question.INTENSITY_CHANGE),

	STRENGTH_SESSIONS_PER_WEEK(Question.STRENGTH_SESSIONS_PER_WEEK),

	/** Absent when height or weight was not given; then no BMI rule applies. */
	BMI(Kind.NUMBER, (answers) -> answers.bmi().isPresent() ? answers.bmi().getAsDouble() : null,
			(answers) -> List.of(oneDecimal(answers.bmi().orElse(0)))),

	SIDE_TO_SIDE_DIFFERENCE(Question.SIDE_TO_SIDE_DIFFERENCE),

	FORM_CONCERNS(Question.FORM_CONCERNS),

	UNEVEN_SURFACES(Question.UNEVEN_SURFACES),

	FOOTWEAR(Question.FOOTWEAR),

	SMOKER(Question.SMOKER),

	CONDITIONS(Question.CONDITIONS);

	/** The shape of a measure's value, which decides the operators it takes. */
	public enum Kind {

		NUMBER, ANSWER, SET

	}

	/** A yes-or-no answer as the rule table spells it. */
	public enum YesNo {

		YES, NO

	}

	private final Kind kind;

	private final Function<Answers, ?> value;

	private final List<String> allowedAnswers;

	private final Function<Answers, List<Object>> adviceArguments;

	/**
	 * A measure derived from several answers by a named method of {@link Answers}.
	 * @param adviceArguments the runner's own numbers for the advice of a rule on this
	 * measure, in the order its message takes them
	 */
	Measure(Kind kind, Function<Answers, ?> value, Function<Answers, List<Object>> adviceArguments) {
		this.kind = kind;
		this.value = value;
		this.allowedAnswers = List.of();
		this.adviceArguments = adviceArguments;
	}

	/** A measure that is one answer, as the catalogue defines it. */
	Measure(Question<?> question) {
		this.kind = switch (question.kind()) {
			case WHOLE_NUMBER, NUMBER, DISTANCE -> Kind.NUMBER;
			case YES_NO, ONE_OF -> Kind.ANSWER;
			case ANY_OF -> Kind.SET;
		};
		this.value = (question.kind() == Question.Kind.YES_NO)
				? (answers) -> Boolean.TRUE.equals(answers.get(question)) ? YesNo.YES : YesNo.NO
				: (answers) -> answers.get(question);
		this.allowedAnswers = (question.kind() == Question.Kind.YES_NO)
				? Arrays.stream(YesNo.values()).map(Enum::name).toList() : question.options();
		this.adviceArguments = (answers) -> List.of();
	}

	/** The runner's own numbers for the advice of a rule on this measure. */
	List<Object> adviceArguments(Answers answers) {
		return this.adviceArguments.apply(answers);
	}

	/**
	 * 10% over a distance, to the nearest 100 m: the next step a gradual build-up takes.
	 */
	private static double tenPercentMore(double km) {
		return oneDecimal(km * 1.1);
	}

	/**
	 * To the nearest 100 m or tenth: the runner's own numbers as a person would say them.
	 */
	private static double oneDecimal(double number) {
		return Math.round(number * 10) / 10.0;
	}

	public Kind kind() {
		return this.kind;
	}

	/** The answer names a rule may compare this measure with; empty for numbers. */
	public List<String> allowedAnswers() {
		return this.allowedAnswers;
	}

	/** The name used in the rule table, such as {@code longest-run-increase-percent}. */
	public String tableName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	Double number(Answers answers) {
		Object result = this.value.apply(answers);
		return (result != null) ? ((Number) result).doubleValue() : null;
	}

	String answer(Answers answers) {
		return ((Enum<?>) this.value.apply(answers)).name();
	}

	boolean includes(Answers answers, String answer) {
		return ((Set<?>) this.value.apply(answers)).stream()
			.anyMatch((value) -> ((Enum<?>) value).name().equals(answer));
	}

}
