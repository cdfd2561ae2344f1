package com.sciaticacheck.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the rule table, a Markdown file that reviewers read as rendered tables: a
 * {@code Version:} line, then a grade points table, a rules table, a bands table and a
 * general advice table, each known by its header row. Anything wrong stops with a message
 * naming the line and the row, so a broken table never starts the app.
 */
public final class RuleTableParser {

	static final List<String> GRADE_COLUMNS = List.of("grade", "points");

	static final List<String> RULE_COLUMNS = List.of("id", "group", "factor", "measure", "operator", "threshold",
			"points", "evidence", "indirect", "source", "evidence summary", "explanation", "advice");

	static final List<String> BAND_COLUMNS = List.of("level", "lowest score");

	static final List<String> GENERAL_ADVICE_COLUMNS = List.of("general advice", "source");

	private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9-]*");

	private static final Pattern MESSAGE_KEY = Pattern.compile("[a-z]+(\\.[a-z0-9-]+)+");

	private static final Pattern SEPARATOR_ROW = Pattern.compile("\\|[\\s:|-]+\\|");

	private static final int MAX_POINTS = RulesService.MAX_SCORE;

	private final String fileName;

	private String version;

	private final Map<Evidence, Integer> gradePoints = new EnumMap<>(Evidence.class);

	private final List<Rule> rules = new ArrayList<>();

	private final List<Band> bands = new ArrayList<>();

	private final List<GeneralAdvice> generalAdvice = new ArrayList<>();

	private RuleTableParser(String fileName) {
		this.fileName = fileName;
	}

	public static RuleTable parse(String fileName, String text) {
		return new RuleTableParser(fileName).read(text);
	}

	private RuleTable read(String text) {
		List<String> header = null;
		String[] lines = text.split("\\R", -1);
		for (int index = 0; index < lines.length; index++) {
			Line line = new Line(index + 1, lines[index].strip());
			if (line.text().startsWith("Version:")) {
				this.version = line.text().substring("Version:".length()).strip();
			}
			else if (!line.text().startsWith("|")) {
				header = null;
			}
			else if (SEPARATOR_ROW.matcher(line.text()).matches()) {
				continue;
			}
			else if (header == null) {
				header = line.cells().stream().map((cell) -> cell.toLowerCase(Locale.ROOT)).toList();
				checkKnownHeader(line, header);
			}
			else {
				readRow(line, header);
			}
		}
		check();
		return new RuleTable(this.version, this.gradePoints, this.rules, this.bands, this.generalAdvice);
	}

	private void checkKnownHeader(Line line, List<String> header) {
		if (!List.of(GRADE_COLUMNS, RULE_COLUMNS, BAND_COLUMNS, GENERAL_ADVICE_COLUMNS).contains(header)) {
			throw line.error("unknown table header " + header + "; expected " + GRADE_COLUMNS + ", " + RULE_COLUMNS
					+ ", " + BAND_COLUMNS + " or " + GENERAL_ADVICE_COLUMNS);
		}
	}

	private void readRow(Line line, List<String> header) {
		List<String> cells = line.cells();
		if (cells.size() != header.size()) {
			throw line.error("has " + cells.size() + " cells, expected " + header.size() + " " + header);
		}
		if (header.equals(GRADE_COLUMNS)) {
			readGrade(line, cells);
		}
		else if (header.equals(RULE_COLUMNS)) {
			if (this.gradePoints.size() != Evidence.values().length) {
				throw line.error("the grade points table must come first and give points for each of "
						+ Arrays.toString(Evidence.values()));
			}
			this.rules.add(readRule(line, cells));
		}
		else if (header.equals(BAND_COLUMNS)) {
			this.bands.add(new Band(enumValue(line, RiskLevel.class, cells.get(0), "level"),
					integer(line, cells.get(1), "lowest score", 0, RulesService.MAX_SCORE)));
		}
		else {
			this.generalAdvice.add(new GeneralAdvice(messageKey(line, cells.get(0), "general advice"),
					notBlank(line, cells.get(1), "source")));
		}
	}

	private void readGrade(Line line, List<String> cells) {
		Evidence grade = enumValue(line, Evidence.class, cells.get(0), "grade");
		if (this.gradePoints.put(grade, integer(line, cells.get(1), "points", 1, MAX_POINTS)) != null) {
			throw line.error("grade " + grade + " is given points twice");
		}
	}

	private Rule readRule(Line line, List<String> cells) {
		String id = cells.get(0);
		if (!ID.matcher(id).matches()) {
			throw line.error("id '" + id + "' must be upper case letters, digits and dashes");
		}
		Line row = line.forRule(id);
		if (this.rules.stream().anyMatch((rule) -> rule.id().equals(id))) {
			throw row.error("id is used by an earlier row");
		}
		Group group = enumValue(row, Group.class, cells.get(1), "group");
		Factor factor = enumValue(row, Factor.class, cells.get(2), "factor");
		if (factor == Factor.SYMPTOMS) {
			throw row.error("factor SYMPTOMS is not a risk factor: current pain and symptoms decide the tier, "
					+ "never the score");
		}
		Measure measure = measure(row, cells.get(3));
		Operator operator = Operator.fromSymbol(cells.get(4))
			.orElseThrow(() -> row.error("unknown operator '" + cells.get(4) + "'; expected one of "
					+ Arrays.stream(Operator.values()).map(Operator::symbol).toList()));
		if (operator.kind() != measure.kind()) {
			throw row.error("operator '" + operator.symbol() + "' does not fit the "
					+ measure.kind().name().toLowerCase(Locale.ROOT) + " measure '" + measure.tableName() + "'");
		}
		String threshold = threshold(row, measure, cells.get(5));
		int points = integer(row, cells.get(6), "points", 1, MAX_POINTS);
		Evidence evidence = enumValue(row, Evidence.class, cells.get(7), "evidence");
		if (points != this.gradePoints.get(evidence)) {
			// points follow the grade and nothing else: effect sizes from different kinds
			// of study are not comparable
			throw row
				.error("points " + points + " are not the " + this.gradePoints.get(evidence) + " of grade " + evidence);
		}
		boolean indirect = yesNo(row, cells.get(8), "indirect");
		String source = notBlank(row, cells.get(9), "source");
		String summary = messageKey(row, cells.get(10), "evidence summary");
		String explanation = messageKey(row, cells.get(11), "explanation");
		String advice = messageKey(row, cells.get(12), "advice");
		return Rule.of(id, group, factor, measure, operator, threshold, points, evidence, indirect, source, summary,
				explanation, advice);
	}

	private static boolean yesNo(Line line, String value, String column) {
		return switch (value) {
			case "yes" -> true;
			case "no" -> false;
			default -> throw line.error(column + " '" + value + "' must be 'yes' or 'no'");
		};
	}

	private static Measure measure(Line line, String name) {
		return Arrays.stream(Measure.values())
			.filter((measure) -> measure.tableName().equals(name))
			.findFirst()
			.orElseThrow(() -> line.error("unknown measure '" + name + "'; expected one of "
					+ Arrays.stream(Measure.values()).map(Measure::tableName).toList()));
	}

	private static String threshold(Line line, Measure measure, String threshold) {
		if (measure.kind() == Measure.Kind.NUMBER) {
			try {
				double number = Double.parseDouble(threshold);
				if (Double.isFinite(number)) {
					return threshold;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw line.error("threshold '" + threshold + "' is not a number");
		}
		if (!measure.allowedAnswers().contains(threshold)) {
			throw line.error("threshold '" + threshold + "' is not an answer of '" + measure.tableName()
					+ "'; expected one of " + measure.allowedAnswers());
		}
		return threshold;
	}

	private void check() {
		Line file = new Line(0, "");
		if (this.version == null || this.version.isBlank()) {
			throw file.error("has no 'Version:' line");
		}
		if (this.rules.isEmpty()) {
			throw file.error("has no rules table with the header " + RULE_COLUMNS);
		}
		if (this.generalAdvice.isEmpty()) {
			throw file.error("has no general advice table with the header " + GENERAL_ADVICE_COLUMNS);
		}
		Set<RiskLevel> levels = EnumSet.noneOf(RiskLevel.class);
		Set<Integer> starts = new HashSet<>();
		for (Band band : this.bands) {
			levels.add(band.level());
			starts.add(band.lowestScore());
		}
		boolean ascending = true;
		for (int i = 1; i < this.bands.size(); i++) {
			ascending &= this.bands.get(i).lowestScore() > this.bands.get(i - 1).lowestScore()
					&& this.bands.get(i).level().compareTo(this.bands.get(i - 1).level()) > 0;
		}
		if (this.bands.size() != RiskLevel.values().length || levels.size() != this.bands.size() || !ascending
				|| !starts.contains(0) || this.bands.get(0).lowestScore() != 0) {
			throw file.error("bands must list " + Arrays.toString(RiskLevel.values())
					+ " once each, from the lowest level starting at 0, with rising lowest scores");
		}
	}

	private static <E extends Enum<E>> E enumValue(Line line, Class<E> type, String value, String column) {
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw line.error(column + " '" + value + "' is unknown; expected one of "
					+ Arrays.toString(type.getEnumConstants()));
		}
	}

	private static int integer(Line line, String value, String column, int min, int max) {
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw line.error(column + " '" + value + "' must be a whole number from " + min + " to " + max);
	}

	private static String notBlank(Line line, String value, String column) {
		if (value.isBlank()) {
			throw line.error(column + " is empty");
		}
		return value;
	}

	private static String messageKey(Line line, String value, String column) {
		if (!MESSAGE_KEY.matcher(value).matches()) {
			throw line.error(column + " '" + value + "' is not a message key such as 'advice.build-up-gradually'");
		}
		return value;
	}

	/** A line of the file, and the rule it holds once its id is known, for messages. */
	private final class Line {

		private final int number;

		private final String text;

		private final String ruleId;

		Line(int number, String text) {
			this(number, text, null);
		}

		private Line(int number, String text, String ruleId) {
			this.number = number;
			this.text = text;
			this.ruleId = ruleId;
		}

		String text() {
			return this.text;
		}

		Line forRule(String id) {
			return new Line(this.number, this.text, id);
		}

		List<String> cells() {
			String inner = this.text.substring(1,
					this.text.endsWith("|") ? this.text.length() - 1 : this.text.length());
			return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
		}

		RuleTableException error(String problem) {
			String where = (this.number > 0) ? " line " + this.number : "";
			String row = (this.ruleId != null) ? " (rule " + this.ruleId + ")" : "";
			return new RuleTableException("Rule table " + RuleTableParser.this.fileName + where + row + ": " + problem);
		}

	}

}
