package com.sciaticacheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code rules/risk-cases.csv}, the table of runners and what they should get. The
 * header names the columns: the answers are headed by their questions' names in the
 * {@link Question catalogue}, which reads each cell, and the expected outcome follows.
 * Every row must be answers the API and the questionnaire accept ({@link AnswerCheck}): a
 * case nobody can enter pins nothing. A row that answers the follow-up question is
 * checked as a follow-up's questionnaire.
 */
final class RunnerCases {

	/**
	 * @param reasonKeys the reasons of the winning tier, as message keys, in the order
	 * they are given
	 * @param findings each finding's rule id, followed by the id of the rule it is
	 * counted with in brackets when it adds no points, such as
	 * {@code HISTORY-SCIATICA(HISTORY-BACK-PAIN)}
	 */
	record RunnerCase(String scenario, Answers answers, int score, RiskLevel level, Referral referral,
			List<String> reasonKeys, List<String> findings) {

		/** The rule ids of the findings, counted or not. */
		List<String> ruleIds() {
			return this.findings.stream().map((finding) -> finding.replaceFirst("\\(.*", "")).toList();
		}

		@Override
		public String toString() {
			return this.scenario;
		}

	}

	private static final String SCENARIO = "scenario";

	private static final String SCORE = "score";

	private static final String LEVEL = "level";

	private static final String REFERRAL = "referral";

	private static final String REASONS = "reasons";

	private static final String RULES = "rules";

	/** The columns that are not questions: what a case is called and what it expects. */
	private static final List<String> CASE_COLUMNS = List.of(SCENARIO, SCORE, LEVEL, REFERRAL, REASONS, RULES);

	/** An empty cell: an empty set or an unanswered question. */
	private static final String NONE = "-";

	private RunnerCases() {
	}

	static List<RunnerCase> all() {
		List<String> lines = lines();
		List<String> header = cells(lines.get(0));
		checkHeader(header);
		List<RunnerCase> cases = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			cases.add(parse(header, line));
		}
		return cases;
	}

	private static List<String> lines() {
		try (InputStream in = RunnerCases.class.getResourceAsStream("/rules/risk-cases.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every column is a question or part of the case, once; every question has a column,
	 * so a question added to the catalogue is answered in every case.
	 */
	private static void checkHeader(List<String> header) {
		Set<Object> seen = new HashSet<>();
		for (String name : header) {
			Object column = CASE_COLUMNS.contains(name) ? name : Question.named(name)
				.orElseThrow(() -> new IllegalStateException(
						"Column '" + name + "' is neither a question of the catalogue nor one of " + CASE_COLUMNS));
			if (!seen.add(column)) {
				throw new IllegalStateException("Column '" + name + "' appears twice");
			}
		}
		List<String> missing = new ArrayList<>();
		CASE_COLUMNS.stream().filter((name) -> !seen.contains(name)).forEach(missing::add);
		Question.ALL.stream().filter((question) -> !seen.contains(question)).map(Question::name).forEach(missing::add);
		if (!missing.isEmpty()) {
			throw new IllegalStateException("No column for " + missing);
		}
	}

	private static RunnerCase parse(List<String> header, String line) {
		List<String> row = cells(line);
		if (row.size() != header.size()) {
			throw new IllegalArgumentException("Expected " + header.size() + " columns in: " + line);
		}
		Map<String, String> expected = new LinkedHashMap<>();
		Map<Question<?>, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			String cell = row.get(i);
			if (CASE_COLUMNS.contains(name)) {
				expected.put(name, cell);
			}
			else {
				Question<?> question = Question.named(name).orElseThrow();
				values.put(question, read(question, cell, line));
			}
		}
		// the page needs more than the API: a row is what both take, and a row that says
		// how the runner is since their last check is a follow-up's
		Asking page = Asking.onPage(values.get(Question.CHANGE_SINCE_LAST_CHECK) != null);
		for (Asking asking : List.of(Asking.BY_API, page)) {
			List<AnswerCheck.Problem> problems = AnswerCheck.problems(values, asking);
			if (!problems.isEmpty()) {
				throw new IllegalArgumentException(
						"The app would refuse these answers " + asking + " " + problems + " in: " + line);
			}
		}
		Answers answers;
		try {
			answers = new Answers(values);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + " in: " + line, ex);
		}
		return new RunnerCase(expected.get(SCENARIO), answers, Integer.parseInt(expected.get(SCORE)),
				RiskLevel.valueOf(expected.get(LEVEL)), Referral.valueOf(expected.get(REFERRAL)),
				texts(expected.get(REASONS)).stream().map((reason) -> Triage.PREFIX + reason).toList(),
				texts(expected.get(RULES)));
	}

	/**
	 * A finding as the rules column writes it: its rule id, and in brackets the rule it
	 * is counted with when it adds no points.
	 */
	static String describe(Finding finding) {
		return finding.addsPoints() ? finding.ruleId() : finding.ruleId() + "(" + finding.countedWith() + ")";
	}

	private static Object read(Question<?> question, String cell, String line) {
		try {
			return question.read(texts(cell));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"'" + cell + "' is no answer to " + question + " (" + ex.getMessage() + ") in: " + line, ex);
		}
	}

	/** The values in a cell: none for '-', else each separated by a space. */
	private static List<String> texts(String cell) {
		return cell.equals(NONE) ? List.of() : List.of(cell.split(" "));
	}

	private static List<String> cells(String line) {
		return List.of(line.split(",", -1));
	}

}
