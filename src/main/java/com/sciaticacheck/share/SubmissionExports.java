package com.sciaticacheck.share;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Question;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Submissions as a physio reads them: labelled answers on the page, and a CSV of all. */
@Component
class SubmissionExports {

	private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

	private final MessageSource messages;

	SubmissionExports(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * How an answered empty list is written in the CSV and coded in FHIR: "none of these"
	 * was an answer, unlike a question not asked, which is left empty.
	 */
	static final String NONE_SELECTED = "NONE";

	/**
	 * One question, with its label and its answers as the client read them, or "not
	 * answered".
	 */
	record LabelledAnswer(String label, List<String> values) {
	}

	/**
	 * The questions the client was asked, in the order their rules version asked them,
	 * each labelled as the physio reads it: "No" is "No", an empty list "None", and a
	 * question left empty "not answered". A stop at the safety questions lists only what
	 * was asked there.
	 */
	List<LabelledAnswer> labelledAnswers(Submission submission, CheckOutcome outcome) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<Question<?>, Object> answers = outcome.answers();
		boolean stopped = outcome instanceof CheckOutcome.StoppedAtSafety;
		List<LabelledAnswer> rows = new ArrayList<>();
		for (QuestionnaireVersion.Item item : QuestionnaireVersion.of(submission).items()) {
			Question<?> question = item.question();
			boolean asked = !stopped || question.section() == Question.Section.SAFETY || answers.containsKey(question);
			if (!asked || !askedAtThisCheck(question, answers)) {
				continue;
			}
			rows.add(new LabelledAnswer(this.messages.getMessage(question.summaryLabelKey(), null, locale),
					values(question, answers, locale)));
		}
		return rows;
	}

	/**
	 * Whether the client was asked a question of their questionnaire version at this
	 * check: the follow-up question is asked only at a follow-up, and needed there, so a
	 * check without its answer was not one, and "not answered" would read as skipped.
	 */
	static boolean askedAtThisCheck(Question<?> question, Map<Question<?>, Object> answers) {
		return question.requirement() != Question.Requirement.AT_FOLLOW_UP || answers.containsKey(question);
	}

	/** The given questions with their answers, for the clinician's summary. */
	List<LabelledAnswer> labelled(List<Question<?>> questions, CheckOutcome outcome) {
		Locale locale = LocaleContextHolder.getLocale();
		return questions.stream()
			.map((question) -> new LabelledAnswer(this.messages.getMessage(question.summaryLabelKey(), null, locale),
					values(question, outcome.answers(), locale)))
			.toList();
	}

	private List<String> values(Question<?> question, Map<Question<?>, Object> answers, Locale locale) {
		Object answer = answers.get(question);
		if (answer == null) {
			return List.of(this.messages.getMessage("submission.noAnswer", null, locale));
		}
		if (answer instanceof Collection<?> many && many.isEmpty()) {
			return List.of(this.messages.getMessage("submission.noneSelected", null, locale));
		}
		return question.texts(answer).stream().map((value) -> label(question, value, locale)).toList();
	}

	/**
	 * All submissions, one a row: when, reference, tier, level, score, rules version, the
	 * version of the questions asked, what the tier meant, then every answer in the API's
	 * field names (several answers separated by ';', an answered empty list as
	 * {@value #NONE_SELECTED}, a question not asked or left empty as an empty cell). The
	 * answer columns of questions added later come last
	 * ({@link QuestionnaireVersion#inColumnOrder()}), so none moves for a spreadsheet or
	 * script that reads columns by position.
	 */
	String csv(List<Submission> submissions, Function<Submission, CheckOutcome> outcomeOf) {
		Locale locale = LocaleContextHolder.getLocale();
		StringBuilder csv = new StringBuilder();
		List<String> header = new ArrayList<>(List.of("submittedAt", "reference", "referral", "level", "score",
				"rulesVersion", "questionnaireVersion", "referralMeaning"));
		List<Question<?>> columns = QuestionnaireVersion.inColumnOrder();
		for (Question<?> question : columns) {
			header.add(question.name());
		}
		row(csv, header);
		for (Submission submission : submissions) {
			Map<Question<?>, Object> answers = outcomeOf.apply(submission).answers();
			List<String> cells = new ArrayList<>(
					List.of(CSV_TIME.format(submission.submittedAt()), nullToEmpty(submission.reference()),
							submission.referral().name(), submission.complete() ? submission.riskLevel().name() : "",
							submission.complete() ? String.valueOf(submission.score()) : "", submission.rulesVersion(),
							QuestionnaireVersion.of(submission).version(),
							this.messages.getMessage(submission.tierKey(), null, locale)));
			for (Question<?> question : columns) {
				Object answer = answers.get(question);
				cells.add((answer instanceof Collection<?> many && many.isEmpty()) ? NONE_SELECTED
						: String.join(";", question.texts(answer)));
			}
			row(csv, cells);
		}
		return csv.toString();
	}

	private String label(Question<?> question, String value, Locale locale) {
		return (question.hasOptions() || question.kind() == Question.Kind.YES_NO)
				? this.messages.getMessage(question.optionKeyPrefix() + "." + value, null, value, locale) : value;
	}

	private static void row(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(cell(cells.get(i)));
		}
		csv.append("\r\n");
	}

	/**
	 * Characters that make a spreadsheet read a field as a formula when the field starts
	 * with them.
	 */
	private static final String FORMULA_START = "=+-@\t\r";

	/** Where a spreadsheet may start a new field or row inside a cell's text. */
	private static final String FIELD_BREAKS = ",;\t\r\n";

	/**
	 * Defuses every field a spreadsheet could run as a formula, then quotes the cell when
	 * it holds a separator of either kind, a quote or a line break. A client's reference
	 * could be {@code x;=1+1;y}: a spreadsheet set to read ';' (common in Europe) ignores
	 * quotes that do not open its own fields, so the "=1+1" after the ';' would start a
	 * field there; quoting alone cannot stop that, an apostrophe at every field start
	 * can.
	 */
	static String cell(String value) {
		String safe = defused(value);
		if (safe.chars().anyMatch((c) -> c == '"' || FIELD_BREAKS.indexOf(c) >= 0)) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

	/**
	 * The text with an apostrophe before each field that would start a formula: at the
	 * start, and after every separator or line break inside it. Numbers such as -5 stay
	 * as they are.
	 */
	private static String defused(String value) {
		StringBuilder safe = new StringBuilder(value.length() + 2);
		boolean fieldStart = true;
		for (int i = 0; i < value.length(); i++) {
			if (fieldStart && startsFormula(value, i)) {
				safe.append('\'');
			}
			char c = value.charAt(i);
			safe.append(c);
			fieldStart = FIELD_BREAKS.indexOf(c) >= 0;
		}
		return safe.toString();
	}

	/**
	 * Whether the field from here starts a formula, looking past spaces and quotes (a
	 * spreadsheet may trim the one and unquote the other).
	 */
	private static boolean startsFormula(String value, int start) {
		int first = start;
		while (first < value.length() && (value.charAt(first) == ' ' || value.charAt(first) == '"')) {
			first++;
		}
		if (first == value.length() || FORMULA_START.indexOf(value.charAt(first)) < 0) {
			return false;
		}
		int end = start + 1;
		while (end < value.length() && FIELD_BREAKS.indexOf(value.charAt(end)) < 0) {
			end++;
		}
		return !value.substring(start, end).matches("-?\\d+(\\.\\d+)?");
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
