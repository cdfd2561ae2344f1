package com.sciaticacheck.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sciaticacheck.api.InvalidRequestException.FieldMessage;
import com.sciaticacheck.rules.AnswerCheck;
import com.sciaticacheck.rules.Answers;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.WarningSign;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads the assessment API's body by the question catalogue: each property must be a
 * question's name with a value of its kind, and then the answers must pass
 * {@link AnswerCheck}. One response names every offending field, where plain Jackson
 * binding stops at the first; nothing here reflects on classes per request.
 */
@Component
class AnswersJsonReader {

	private final MessageSource messages;

	AnswersJsonReader(MessageSource messages) {
		this.messages = messages;
	}

	Answers read(JsonNode body) {
		Locale locale = LocaleContextHolder.getLocale();
		if (body == null || !body.isObject()) {
			throw new InvalidRequestException(List.of(new FieldMessage("", text("problem.field.object", locale))));
		}
		List<FieldMessage> errors = new ArrayList<>();
		Map<Question<?>, Object> values = new LinkedHashMap<>();
		for (String name : body.propertyNames()) {
			if (name.equals(Question.SAFETY_CHECK_OBJECT)) {
				readSafetyCheck(body.get(name), values, errors, locale);
				continue;
			}
			Optional<Question<?>> question = Question.named(name);
			// a safety answer is a member of safetyCheck only: a flat "safetyCheck.x"
			// must
			// never stand in for, or overwrite, the object's answer
			if (question.isEmpty() || question.get().section() == Question.Section.SAFETY) {
				errors.add(new FieldMessage(name, text("problem.field.unknown", locale)));
				continue;
			}
			JsonNode node = body.get(name);
			if (!node.isNull()) {
				read(question.get(), node, values, errors, locale);
			}
		}
		List<String> unreadable = errors.stream().map(FieldMessage::field).toList();
		for (AnswerCheck.Problem problem : AnswerCheck.problems(values)) {
			Question<?> question = problem.question();
			// an answer that could not be read has said so already, and so has an object
			// that could not be read (safetyCheck: false), for each of its members
			if (unreadable.stream()
				.noneMatch((field) -> field.equals(question.name()) || field.startsWith(question.name() + "[")
						|| question.name().startsWith(field + "."))) {
				errors.add(new FieldMessage(question.name(), message(problem, locale)));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparing(FieldMessage::field).thenComparing(FieldMessage::message));
			throw new InvalidRequestException(errors.stream().distinct().toList());
		}
		return new Answers(values);
	}

	/**
	 * The safety check's answers: an object whose members are its questions, each a
	 * required boolean, so an unasked question is a 400, never a "no".
	 */
	private void readSafetyCheck(JsonNode node, Map<Question<?>, Object> values, List<FieldMessage> errors,
			Locale locale) {
		if (node.isNull()) {
			return;
		}
		if (!node.isObject()) {
			errors.add(new FieldMessage(Question.SAFETY_CHECK_OBJECT, text("problem.field.expected.object", locale)));
			return;
		}
		for (String member : node.propertyNames()) {
			String path = Question.SAFETY_CHECK_OBJECT + "." + member;
			Optional<Question<?>> question = Question.named(path);
			if (question.isEmpty() || question.get().section() != Question.Section.SAFETY) {
				errors.add(new FieldMessage(path, text("problem.field.unknown", locale)));
			}
			else if (!node.get(member).isNull()) {
				read(question.get(), node.get(member), values, errors, locale);
			}
		}
	}

	private void read(Question<?> question, JsonNode node, Map<Question<?>, Object> values, List<FieldMessage> errors,
			Locale locale) {
		if (question.kind() == Question.Kind.ANY_OF) {
			if (!node.isArray()) {
				errors.add(new FieldMessage(question.name(), text("problem.field.expected.list", locale)));
				return;
			}
			List<String> items = new ArrayList<>();
			for (int i = 0; i < node.size(); i++) {
				JsonNode item = node.get(i);
				String askedNowBy = retiredAskedBy(question, item);
				if (askedNowBy != null) {
					// an emergency sign is a safety check answer now: say where it goes
					errors.add(new FieldMessage(question.name() + "[" + i + "]", this.messages
						.getMessage("problem.field.safetyCheckMember", new Object[] { askedNowBy }, locale)));
				}
				else if (!item.isString() || !question.options().contains(item.asString())) {
					errors.add(new FieldMessage(question.name() + "[" + i + "]", oneOf(question, locale)));
				}
				else {
					items.add(item.asString());
				}
			}
			values.put(question, question.read(items));
			return;
		}
		String expected = switch (question.kind()) {
			case WHOLE_NUMBER -> (node.isIntegralNumber() && node.canConvertToInt()) ? null : "wholeNumber";
			case NUMBER, DISTANCE -> (node.isNumber() && Double.isFinite(node.asDouble())) ? null : "number";
			case YES_NO -> node.isBoolean() ? null : "boolean";
			case ONE_OF -> (node.isString() && question.options().contains(node.asString())) ? null : "oneOf";
			case ANY_OF -> throw new IllegalStateException();
		};
		if (expected != null) {
			errors.add(new FieldMessage(question.name(), expected.equals("oneOf") ? oneOf(question, locale)
					: text("problem.field.expected." + expected, locale)));
			return;
		}
		values.put(question, switch (question.kind()) {
			case WHOLE_NUMBER -> node.asInt();
			case NUMBER, DISTANCE -> node.asDouble();
			case YES_NO -> node.asBoolean();
			default -> question.read(List.of(node.asString()));
		});
	}

	/** The question that asks a retired warning sign now, or null. */
	private static String retiredAskedBy(Question<?> question, JsonNode item) {
		if (question != Question.WARNING_SIGNS || !item.isString()) {
			return null;
		}
		for (WarningSign sign : WarningSign.values()) {
			if (sign.retired() && sign.name().equals(item.asString())) {
				return sign.askedNowBy();
			}
		}
		return null;
	}

	private String message(AnswerCheck.Problem problem, Locale locale) {
		Question<?> question = problem.question();
		return switch (problem.kind()) {
			case REQUIRED -> text("problem.field.required", locale);
			case OUT_OF_RANGE -> this.messages.getMessage("problem.field.range",
					new Object[] { question.min(), question.max() }, locale);
			case DOES_NOT_FIT -> text(problem.messageKey(), locale);
		};
	}

	private String oneOf(Question<?> question, Locale locale) {
		return this.messages.getMessage("problem.field.oneOf", new Object[] { question.options().toString() }, locale);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
