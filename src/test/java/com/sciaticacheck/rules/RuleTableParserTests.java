package com.sciaticacheck.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A broken rule table is refused with a message that names the line and the rule. */
class RuleTableParserTests {

	private static final String HEADER = """
			Version: test-1

			| id | factor | measure | operator | threshold | points | evidence | source | explanation | advice |
			|----|--------|---------|----------|-----------|--------|----------|--------|-------------|--------|
			""";

	private static final String GOOD_ROW = "| SPIKE | TRAINING_LOAD | longest-run-increase-percent | > | 10 | 12 | MODERATE | Frandsen 2025 | finding.spike | advice.spike |\n";

	private static final String FOOTER = """

			| level | lowest score |
			|---|---|
			| LOW | 0 |
			| MODERATE | 25 |
			| HIGH | 50 |

			| general advice | source |
			|---|---|
			| advice.general.form | Source article |
			""";

	@Test
	void readsAWellFormedTable() {
		RuleTable table = RuleTableParser.parse("test.md", HEADER + GOOD_ROW + FOOTER);
		assertThat(table.version()).isEqualTo("test-1");
		assertThat(table.rules()).singleElement().satisfies((rule) -> {
			assertThat(rule.id()).isEqualTo("SPIKE");
			assertThat(rule.operator()).isEqualTo(Operator.MORE_THAN);
			assertThat(rule.points()).isEqualTo(12);
		});
		assertThat(table.bands()).extracting(Band::level).containsExactly(RiskLevel.values());
		assertThat(table.generalAdvice()).extracting(GeneralAdvice::adviceKey).containsExactly("advice.general.form");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';',
			textBlock = """
					unknown measure;    | BAD | TRAINING_LOAD | weekly-kilometres | > | 10 | 5 | MODERATE | s | finding.a | advice.a |;      line 6 (rule BAD): unknown measure 'weekly-kilometres'
					unknown factor;     | BAD | SLEEP | bmi | > | 10 | 5 | MODERATE | s | finding.a | advice.a |;                            line 6 (rule BAD): factor 'SLEEP' is unknown
					operator misfit;    | BAD | FOOTWEAR | footwear | > | 10 | 5 | MODERATE | s | finding.a | advice.a |;                     line 6 (rule BAD): operator '>' does not fit the answer measure 'footwear'
					not an answer;      | BAD | FOOTWEAR | footwear | is | SANDALS | 5 | MODERATE | s | finding.a | advice.a |;              line 6 (rule BAD): threshold 'SANDALS' is not an answer of 'footwear'
					not a number;       | BAD | LIFESTYLE | bmi | >= | thirty | 5 | STRONG | s | finding.a | advice.a |;                     line 6 (rule BAD): threshold 'thirty' is not a number
					missing points;     | BAD | LIFESTYLE | bmi | >= | 30 |  | STRONG | s | finding.a | advice.a |;                            line 6 (rule BAD): points '' must be a whole number from 1 to 100
					zero points;        | BAD | LIFESTYLE | bmi | >= | 30 | 0 | STRONG | s | finding.a | advice.a |;                           line 6 (rule BAD): points '0' must be a whole number from 1 to 100
					unknown evidence;   | BAD | LIFESTYLE | bmi | >= | 30 | 5 | HUNCH | s | finding.a | advice.a |;                            line 6 (rule BAD): evidence 'HUNCH' is unknown
					no source;          | BAD | LIFESTYLE | bmi | >= | 30 | 5 | STRONG |  | finding.a | advice.a |;                           line 6 (rule BAD): source is empty
					bad message key;    | BAD | LIFESTYLE | bmi | >= | 30 | 5 | STRONG | s | Obesity | advice.a |;                            line 6 (rule BAD): explanation 'Obesity' is not a message key
					missing cell;       | BAD | LIFESTYLE | bmi | >= | 30 | 5 | STRONG | s | finding.a |;                                      line 6: has 9 cells, expected 10
					duplicate id;       | SPIKE | LIFESTYLE | bmi | >= | 30 | 5 | STRONG | s | finding.a | advice.a |;                        line 6 (rule SPIKE): id is used by an earlier row
					""")
	void refusesABrokenRowNamingIt(String problem, String row, String message) {
		assertThatExceptionOfType(RuleTableException.class)
			.isThrownBy(() -> RuleTableParser.parse("test.md", HEADER + GOOD_ROW + row + "\n" + FOOTER))
			.withMessageStartingWith("Rule table test.md ")
			.withMessageContaining(message);
	}

	@Test
	void refusesATableWithoutVersion() {
		assertThatExceptionOfType(RuleTableException.class)
			.isThrownBy(
					() -> RuleTableParser.parse("test.md", HEADER.replace("Version: test-1", "") + GOOD_ROW + FOOTER))
			.withMessageContaining("has no 'Version:' line");
	}

	@Test
	void refusesBandsOutOfOrder() {
		String footer = FOOTER.replace("| MODERATE | 25 |", "| MODERATE | 60 |");
		assertThatExceptionOfType(RuleTableException.class)
			.isThrownBy(() -> RuleTableParser.parse("test.md", HEADER + GOOD_ROW + footer))
			.withMessageContaining("bands must list");
	}

	@Test
	void refusesAnUnknownTable() {
		assertThatExceptionOfType(RuleTableException.class)
			.isThrownBy(() -> RuleTableParser.parse("test.md", HEADER + GOOD_ROW + "\n| name | weight |\n" + FOOTER))
			.withMessageContaining("unknown table header [name, weight]");
	}

}
