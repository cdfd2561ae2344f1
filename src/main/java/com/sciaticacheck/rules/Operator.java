package com.sciaticacheck.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one comparison a rule makes between its measure and its threshold. Each operator
 * fits one kind of measure; the table is checked for that at start-up.
 */
public enum Operator {

	MORE_THAN(">", Measure.Kind.NUMBER),

	AT_LEAST(">=", Measure.Kind.NUMBER),

	LESS_THAN("<", Measure.Kind.NUMBER),

	IS("is", Measure.Kind.ANSWER),

	INCLUDES("includes", Measure.Kind.SET);

	private final String symbol;

	private final Measure.Kind kind;

	Operator(String symbol, Measure.Kind kind) {
		this.symbol = symbol;
		this.kind = kind;
	}

	public String symbol() {
		return this.symbol;
	}

	Measure.Kind kind() {
		return this.kind;
	}

	static Optional<Operator> fromSymbol(String symbol) {
		return Arrays.stream(values()).filter((operator) -> operator.symbol.equals(symbol)).findFirst();
	}

}
