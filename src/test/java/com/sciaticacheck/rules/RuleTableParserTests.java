package com.sciaticacheck.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A broken rule table is refused with a message that names the line and the rule. */
class RuleTableParserTests {

	private static final String GRADES = """
			| grade | points |
			|-------|--------|
			| STRONG | 15 |
			| MODERATE | 10 |
			| LIMITED | 6 |
			| EXPERT_OPINION | 3 |
			""";

	private static final String RULES_HEADER = """
			| id | group | factor | measure | operator | threshold | points | evidence | indirect | source | evidence summary | explanation | advice |
			|----|-------|--------|---------|----------|-----------|--------|----------|----------|--------|------------------|-------------|--------|
			""";

	/** The version line, the grade points and the rules header: rows start at line 12. */
	private static final String HEADER = "Version: test-1\n\n" + GRADES + "\n" + RULES_HEADER;

	private static final String GOOD_ROW = "| SPIKE | LOAD | TRAINING_LOAD | longest-run-increase-percent | > | 10 | 10 | MODERATE | yes | Frandsen 2025 | summary.spike | finding.spike | advice.spike |\n";

	private static final String FOOTER = """

			| level | lowest score |
			|---|---|
			| LOW | 0 |
			| MODERATE | 15 |
			| HIGH | 30 |

			| general advice | source |
			|---|---|
			| advice.general.form | Source article |
			""";

	@Test
	void readsAWellFormedTable() {
		RuleTable table = RuleTableParser.parse("test.md", HEADER + GOOD_ROW + FOOTER);
		assertThat(table.version()).isEqualTo("test-1");
		assertThat(table.gradePoints()).containsEntry(Evidence.STRONG, 15)
			.containsEntry(Evidence.MODERATE, 10)
			.containsEntry(Evidence.LIMITED, 6)
			.containsEntry(Evidence.EXPERT_OPINION, 3);
		assertThat(table.rules()).singleElement().satisfies((rule) -> {
			assertThat(rule.id()).isEqualTo("SPIKE");
			assertThat(rule.group()).isEqualTo(Group.LOAD);
			assertThat(rule.operator()).isEqualTo(Operator.MORE_THAN);
			assertThat(rule.points()).isEqualTo(10);
			assertThat(rule.evidence()).isEqualTo(Evidence.MODERATE);
			assertThat(rule.indirect()).isTrue();
			assertThat(rule.source()).isEqualTo("Frandsen 2025");
			assertThat(rule.evidenceSummaryKey()).isEqualTo("summary.spike");
			assertThat(rule.explanationKey()).isEqualTo("finding.spike");
			assertThat(rule.adviceKey()).isEqualTo("advice.spike");
		});
		assertThat(table.bands()).extracting(Band::level).containsExactly(RiskLevel.values());
		assertThat(table.generalAdvice()).extracting(GeneralAdvice::adviceKey).containsExactly("advice.general.form");
	}

	@Test
	void readsIndirectAsYesOrNo() {
		String direct = "| SMOKING | SMOKING | LIFESTYLE | smoker | is | YES | 15 | STRONG | no | Shiri 2016 | summary.a | finding.a | advice.a |\n";
		RuleTable table = RuleTableParser.parse("test.md", HEADER + GOOD_ROW + direct + FOOTER);
		assertThat(table.rules()).extracting(Rule::indirect).containsExactly(true, false);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';',
			textBlock = """
					unknown measure;      | BAD | LOAD | TRAINING_LOAD | weekly-kilometres | > | 10 | 10 | MODERATE | no | s | summary.a | finding.a | advice.a |;   line 13 (rule BAD): unknown measure 'weekly-kilometres'
					unknown group;        | BAD | SLEEP | LIFESTYLE | bmi | >= | 30 | 15 | STRONG | no | s | summary.a | finding.a | advice.a |;                 line 13 (rule BAD): group 'SLEEP' is unknown
					unknown factor;       | BAD | WEIGHT | SLEEP | bmi | > | 10 | 15 | STRONG | no | s | summary.a | finding.a | advice.a |;                     line 13 (rule BAD): factor 'SLEEP' is unknown
					symptoms factor;      | BAD | LOAD | SYMPTOMS | bmi | > | 10 | 15 | STRONG | no | s | summary.a | finding.a | advice.a |;                    line 13 (rule BAD): factor SYMPTOMS is not a risk factor
					operator misfit;      | BAD | FOOTWEAR | FOOTWEAR | footwear | > | 10 | 3 | EXPERT_OPINION | no | s | summary.a | finding.a | advice.a |;   line 13 (rule BAD): operator '>' does not fit the answer measure 'footwear'
					not an answer;        | BAD | FOOTWEAR | FOOTWEAR | footwear | is | SANDALS | 3 | EXPERT_OPINION | no | s | summary.a | finding.a | advice.a |; line 13 (rule BAD): threshold 'SANDALS' is not an answer of 'footwear'
					not a number;         | BAD | WEIGHT | LIFESTYLE | bmi | >= | thirty | 15 | STRONG | no | s | summary.a | finding.a | advice.a |;         line 13 (rule BAD): threshold 'thirty' is not a number
					missing points;       | BAD | WEIGHT | LIFESTYLE | bmi | >= | 30 |  | STRONG | no | s | summary.a | finding.a | advice.a |;                line 13 (rule BAD): points '' must be a whole number from 1 to 100
					zero points;          | BAD | WEIGHT | LIFESTYLE | bmi | >= | 30 | 0 | STRONG | no | s | summary.a | finding.a | advice.a |;               line 13 (rule BAD): points '0' must be a whole number from 1 to 100
					points not the grade; | BAD | WEIGHT | LIFESTYLE | bmi | >= | 30 | 12 | STRONG | no | s | summary.a | finding.a | advice.a |;              line 13 (rule BAD): points 12 are not the 15 of grade STRONG
					unknown evidence;     | BAD | WEIGHT | LIFESTYLE | bmi | >= | 30 | 15 | HUNCH | no | s | summary.a | finding.a | advice.a |;               line 13 (rule BAD): evidence 'HUNCH' is unknown
					indirect not yes/no;  | BAD | WEIGHT | LIFESTYLE | bmi | >= | 30 | 15 | STRONG | true | s | summary.a | finding.a | advice.a |;             line 13 (rule BAD): indirect 'true' must be 'yes' or 'no'
					indirect empty;       | BAD | WEIGHT | LIFESTYLE | bmi | >= | 30 | 15 | STRONG |  | s | summary.a | finding.a | advice.a |;                 line 13 (rule BAD): indirect '' must be 'yes' or 'no'
					no source;            | BAD | WEIGHT | LIFESTYLE | bmi | >= | 30 | 15 | STRONG | no |  | summary.a | finding.a | advice.a |;                line 13 (rule BAD): source is empty
					bad summary key;      | BAD | WEIGHT | LIFESTYLE | bmi | >= | 30 | 15 | STRONG | no | s | Good studies | finding.a | advice.a |;          line 13 (rule BAD): evidence summary 'Good studies' is not a message key
					bad message key;      | BAD | WEIGHT | LIFESTYLE | bmi | >= | 30 | 15 | STRONG | no | s | summary.a | Obesity | advice.a |;              line 13 (rule BAD): explanation 'Obesity' is not a message key
					missing cell;         | BAD | WEIGHT | LIFESTYLE | bmi | >= | 30 | 15 | STRONG | no | s | summary.a | finding.a |;                       line 13: has 12 cells, expected 13
					duplicate id;         | SPIKE | WEIGHT | LIFESTYLE | bmi | >= | 30 | 15 | STRONG | no | s | summary.a | finding.a | advice.a |;            line 13 (rule SPIKE): id is used by an earlier row
					""")
	void refusesABrokenRowNamingIt(String problem, String row, String message) {
		assertThatExceptionOfType(RuleTableException.class)
			.isThrownBy(() -> RuleTableParser.parse("test.md", HEADER + GOOD_ROW + row + "\n" + FOOTER))
			.withMessageStartingWith("Rule table test.md ")
			.withMessageContaining(message);
	}

	@Test
	void refusesRulesWithoutTheGradePointsTableFirst() {
		String rulesFirst = "Version: test-1\n\n" + RULES_HEADER + GOOD_ROW + "\n" + GRADES + FOOTER;
		assertThatExceptionOfType(RuleTableException.class)
			.isThrownBy(() -> RuleTableParser.parse("test.md", rulesFirst))
			.withMessage("Rule table test.md line 5: the grade points table must come first and give points for "
					+ "each of [STRONG, MODERATE, LIMITED, EXPERT_OPINION]");
		String noGrades = "Version: test-1\n\n" + RULES_HEADER + GOOD_ROW + FOOTER;
		assertThatExceptionOfType(RuleTableException.class).isThrownBy(() -> RuleTableParser.parse("test.md", noGrades))
			.withMessageContaining("the grade points table must come first");
	}

	@Test
	void refusesAGradeTableThatMissesAGrade() {
		String missing = HEADER.replace("| LIMITED | 6 |\n", "");
		assertThatExceptionOfType(RuleTableException.class)
			.isThrownBy(() -> RuleTableParser.parse("test.md", missing + GOOD_ROW + FOOTER))
			.withMessageContaining("the grade points table must come first and give points for each of");
	}

	@Test
	void refusesAGradeGivenPointsTwice() {
		String twice = HEADER.replace("| LIMITED | 6 |\n", "| LIMITED | 6 |\n| LIMITED | 7 |\n");
		assertThatExceptionOfType(RuleTableException.class)
			.isThrownBy(() -> RuleTableParser.parse("test.md", twice + GOOD_ROW + FOOTER))
			.withMessage("Rule table test.md line 8: grade LIMITED is given points twice");
	}

	@Test
	void refusesAnUnknownGrade() {
		String unknown = HEADER.replace("| LIMITED | 6 |", "| HUNCH | 6 |");
		assertThatExceptionOfType(RuleTableException.class)
			.isThrownBy(() -> RuleTableParser.parse("test.md", unknown + GOOD_ROW + FOOTER))
			.withMessageContaining("line 7: grade 'HUNCH' is unknown");
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
		String footer = FOOTER.replace("| MODERATE | 15 |", "| MODERATE | 60 |");
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

	/** A table in the version 1 shape, without groups, grades or indirect, is refused. */
	@Test
	void refusesTheVersionOneColumns() {
		String v1 = """
				Version: 1

				| id | factor | measure | operator | threshold | points | evidence | source | explanation | advice |
				|----|--------|---------|----------|-----------|--------|----------|--------|-------------|--------|
				| SPIKE | TRAINING_LOAD | longest-run-increase-percent | > | 10 | 12 | MODERATE | Frandsen | finding.a | advice.a |
				""";
		assertThatExceptionOfType(RuleTableException.class)
			.isThrownBy(() -> RuleTableParser.parse("test.md", v1 + FOOTER))
			.withMessageContaining("line 3: unknown table header [id, factor, measure");
	}

}
