package com.sciaticacheck.rules;

import java.util.Objects;

/**
 * One row of the rule table: when the measure compared with the threshold holds, the rule
 * becomes a finding. Its points are its evidence grade's; within its group only the
 * highest-scoring match adds them. Rows are built and checked by {@link RuleTableParser};
 * a number threshold is parsed once, here.
 *
 * @param indirect whether the evidence comes from another population or outcome than
 * runners and sciatica, such as all running injuries, or back pain in non-runners
 * @param source the full citation
 * @param evidenceSummaryKey the message key of a plain one-sentence summary of the
 * evidence, for the runner
 */
public record Rule(String id, Group group, Factor factor, Measure measure, Operator operator, String threshold,
		double numericThreshold, int points, Evidence evidence, boolean indirect, String source,
		String evidenceSummaryKey, String explanationKey, String adviceKey) {

	/** A rule whose number threshold (NaN for answers) is read from its text once. */
	static Rule of(String id, Group group, Factor factor, Measure measure, Operator operator, String threshold,
			int points, Evidence evidence, boolean indirect, String source, String evidenceSummaryKey,
			String explanationKey, String adviceKey) {
		double number = (measure.kind() == Measure.Kind.NUMBER) ? Double.parseDouble(threshold) : Double.NaN;
		return new Rule(id, group, factor, measure, operator, threshold, number, points, evidence, indirect, source,
				evidenceSummaryKey, explanationKey, adviceKey);
	}

	public Rule {
		Objects.requireNonNull(id);
		Objects.requireNonNull(group);
		Objects.requireNonNull(factor);
		Objects.requireNonNull(measure);
		Objects.requireNonNull(operator);
		Objects.requireNonNull(threshold);
		Objects.requireNonNull(evidence);
		Objects.requireNonNull(source);
		Objects.requireNonNull(evidenceSummaryKey);
		Objects.requireNonNull(explanationKey);
		Objects.requireNonNull(adviceKey);
		if (measure.kind() == Measure.Kind.NUMBER
				&& Double.compare(numericThreshold, Double.parseDouble(threshold)) != 0) {
			throw new IllegalArgumentException("The number threshold of " + id + " is not its text");
		}
	}

	boolean matches(Answers answers) {
		return switch (this.operator) {
			case MORE_THAN -> compare(answers) > 0;
			case AT_LEAST -> compare(answers) >= 0;
			case LESS_THAN -> compare(answers) < 0;
			case IS -> this.measure.answer(answers).equals(this.threshold);
			case INCLUDES -> this.measure.includes(answers, this.threshold);
		};
	}

	/**
	 * Compares the measured number with the threshold; an absent number never matches.
	 */
	private int compare(Answers answers) {
		Double value = this.measure.number(answers);
		if (value == null) {
			// MORE_THAN, AT_LEAST and LESS_THAN all fail on NaN
			return (this.operator == Operator.LESS_THAN) ? 1 : -1;
		}
		return Double.compare(value, this.numericThreshold);
	}

	@Override
	public String toString() {
		return this.id + ": " + this.measure.tableName() + " " + this.operator.symbol() + " " + this.threshold + " -> "
				+ this.points;
	}

}
