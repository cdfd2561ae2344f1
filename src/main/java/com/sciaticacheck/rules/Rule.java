package com.sciaticacheck.rules;

import java.util.Objects;

/**
 * One row of the rule table: when the measure compared with the threshold holds, the rule
 * adds its points and becomes a finding. Rows are built and checked by
 * {@link RuleTableParser}; the threshold is parsed once there.
 */
public final class Rule {

	private final String id;

	private final Factor factor;

	private final Measure measure;

	private final Operator operator;

	private final String threshold;

	private final double numericThreshold;

	private final int points;

	private final Evidence evidence;

	private final String source;

	private final String explanationKey;

	private final String adviceKey;

	Rule(String id, Factor factor, Measure measure, Operator operator, String threshold, int points, Evidence evidence,
			String source, String explanationKey, String adviceKey) {
		this.id = Objects.requireNonNull(id);
		this.factor = Objects.requireNonNull(factor);
		this.measure = Objects.requireNonNull(measure);
		this.operator = Objects.requireNonNull(operator);
		this.threshold = Objects.requireNonNull(threshold);
		this.numericThreshold = (measure.kind() == Measure.Kind.NUMBER) ? Double.parseDouble(threshold) : Double.NaN;
		this.points = points;
		this.evidence = Objects.requireNonNull(evidence);
		this.source = Objects.requireNonNull(source);
		this.explanationKey = Objects.requireNonNull(explanationKey);
		this.adviceKey = Objects.requireNonNull(adviceKey);
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

	public String id() {
		return this.id;
	}

	public Factor factor() {
		return this.factor;
	}

	public Measure measure() {
		return this.measure;
	}

	public Operator operator() {
		return this.operator;
	}

	public String threshold() {
		return this.threshold;
	}

	public int points() {
		return this.points;
	}

	public Evidence evidence() {
		return this.evidence;
	}

	public String source() {
		return this.source;
	}

	public String explanationKey() {
		return this.explanationKey;
	}

	public String adviceKey() {
		return this.adviceKey;
	}

	@Override
	public String toString() {
		return this.id + ": " + this.measure.tableName() + " " + this.operator.symbol() + " " + this.threshold + " -> "
				+ this.points;
	}

}
