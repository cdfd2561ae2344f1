package com.sciaticacheck.share;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

	/** One answered question, with its label and its answers as the client read them. */
	record LabelledAnswer(String label, List<String> values) {
	}

	List<LabelledAnswer> labelledAnswers(Map<String, Object> answers) {
		Locale locale = LocaleContextHolder.getLocale();
		List<LabelledAnswer> rows = new ArrayList<>();
		for (AnswerField field : AnswerField.values()) {
			if (!answers.containsKey(field.fieldName())) {
				continue;
			}
			List<String> values = values(answers.get(field.fieldName())).stream()
				.map((value) -> label(field, value, locale))
				.toList();
			rows.add(new LabelledAnswer(this.messages.getMessage("answerField." + field.fieldName(), null, locale),
					values.isEmpty() ? List.of(this.messages.getMessage("submission.noAnswer", null, locale))
							: values));
		}
		return rows;
	}

	/**
	 * All submissions, one a row: when, reference, tier, level, score, rules version,
	 * then every answer in the API's field names (several answers separated by ';').
	 */
	String csv(List<Submission> submissions, Function<Submission, Map<String, Object>> answersOf) {
		StringBuilder csv = new StringBuilder();
		List<String> header = new ArrayList<>(
				List.of("submittedAt", "reference", "referral", "level", "score", "rulesVersion"));
		for (AnswerField field : AnswerField.values()) {
			header.add(field.fieldName());
		}
		row(csv, header);
		for (Submission submission : submissions) {
			Map<String, Object> answers = answersOf.apply(submission);
			List<String> cells = new ArrayList<>(List.of(CSV_TIME.format(submission.submittedAt()),
					nullToEmpty(submission.reference()), submission.referral().name(),
					submission.complete() ? submission.riskLevel().name() : "",
					submission.complete() ? Integer.toString(submission.score()) : "", submission.rulesVersion()));
			for (AnswerField field : AnswerField.values()) {
				cells.add(String.join(";", values(answers.get(field.fieldName()))));
			}
			row(csv, cells);
		}
		return csv.toString();
	}

	private String label(AnswerField field, String value, Locale locale) {
		return switch (field.type()) {
			case CHOICE, CHOICES ->
				this.messages.getMessage(field.optionKeyPrefix() + "." + value, null, value, locale);
			case BOOLEAN -> this.messages.getMessage("answer.yesNo." + value, null, value, locale);
			default -> value;
		};
	}

	static List<String> values(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> many) {
			return many.stream().map(String::valueOf).toList();
		}
		return List.of(String.valueOf(value));
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
	 * Quotes a cell when needed, and defuses text a spreadsheet would run as a formula: a
	 * client's reference could start with "=".
	 */
	static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
				&& !value.matches("-?\\d+(\\.\\d+)?")) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
