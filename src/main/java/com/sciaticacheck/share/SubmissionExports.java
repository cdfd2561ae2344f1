package com.sciaticacheck.share;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

	/** One answered question, with its label and its answers as the client read them. */
	record LabelledAnswer(String label, List<String> values) {
	}

	/** The answers given, in catalogue order, each labelled as the physio reads it. */
	List<LabelledAnswer> labelledAnswers(Map<Question<?>, Object> answers) {
		Locale locale = LocaleContextHolder.getLocale();
		List<LabelledAnswer> rows = new ArrayList<>();
		for (Question<?> question : Question.ALL) {
			if (!answers.containsKey(question)) {
				continue;
			}
			List<String> values = question.texts(answers.get(question))
				.stream()
				.map((value) -> label(question, value, locale))
				.toList();
			rows.add(new LabelledAnswer(this.messages.getMessage(question.summaryLabelKey(), null, locale),
					values.isEmpty() ? List.of(this.messages.getMessage("submission.noAnswer", null, locale))
							: values));
		}
		return rows;
	}

	/**
	 * All submissions, one a row: when, reference, tier, level, score, rules version,
	 * then every answer in the API's field names (several answers separated by ';').
	 */
	String csv(List<Submission> submissions, Function<Submission, Map<Question<?>, Object>> answersOf) {
		StringBuilder csv = new StringBuilder();
		List<String> header = new ArrayList<>(
				List.of("submittedAt", "reference", "referral", "level", "score", "rulesVersion"));
		for (Question<?> question : Question.ALL) {
			header.add(question.name());
		}
		row(csv, header);
		for (Submission submission : submissions) {
			Map<Question<?>, Object> answers = answersOf.apply(submission);
			List<String> cells = new ArrayList<>(List.of(CSV_TIME.format(submission.submittedAt()),
					nullToEmpty(submission.reference()), submission.referral().name(),
					submission.complete() ? submission.riskLevel().name() : "",
					submission.complete() ? String.valueOf(submission.score()) : "", submission.rulesVersion()));
			for (Question<?> question : Question.ALL) {
				cells.add(String.join(";", question.texts(answers.get(question))));
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
