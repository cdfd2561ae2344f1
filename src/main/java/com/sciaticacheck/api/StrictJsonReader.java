package com.sciaticacheck.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.sciaticacheck.api.InvalidRequestException.FieldMessage;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads a JSON object into a request record field by field, so that one response names
 * every offending field: unknown names, values of the wrong type, and then every Bean
 * Validation problem of the fields that could be read. Plain Jackson binding stops at the
 * first problem.
 */
@Component
public class StrictJsonReader {

	private final JsonMapper json;

	private final Validator validator;

	private final MessageSource messages;

	StrictJsonReader(JsonMapper json, Validator validator, MessageSource messages) {
		this.json = json;
		this.validator = validator;
		this.messages = messages;
	}

	public <R extends Record> R read(JsonNode body, Class<R> type) {
		Locale locale = LocaleContextHolder.getLocale();
		if (body == null || !body.isObject()) {
			throw new InvalidRequestException(List.of(new FieldMessage("", text("problem.field.object", locale))));
		}
		RecordComponent[] components = type.getRecordComponents();
		Set<String> known = new LinkedHashSet<>(Arrays.stream(components).map(RecordComponent::getName).toList());
		List<FieldMessage> errors = new ArrayList<>();
		for (String name : body.propertyNames()) {
			if (!known.contains(name)) {
				errors.add(new FieldMessage(name, text("problem.field.unknown", locale)));
			}
		}
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			JsonNode node = body.get(components[i].getName());
			if (node == null || node.isNull()) {
				continue;
			}
			JavaType target = this.json.getTypeFactory().constructType(components[i].getGenericType());
			try {
				values[i] = this.json.treeToValue(node, target);
			}
			catch (JacksonException ex) {
				errors.add(new FieldMessage(components[i].getName() + index(ex), typeMessage(ex, target, locale)));
			}
		}
		R request = construct(type, components, values);
		Set<String> failed = new LinkedHashSet<>(errors.stream().map(FieldMessage::field).toList());
		for (ConstraintViolation<R> violation : this.validator.validate(request)) {
			String field = violation.getPropertyPath().toString();
			if (failed.stream().noneMatch((name) -> name.equals(field) || field.startsWith(name + "["))) {
				errors.add(new FieldMessage(field, violation.getMessage()));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparing(FieldMessage::field).thenComparing(FieldMessage::message));
			throw new InvalidRequestException(errors.stream().distinct().toList());
		}
		return request;
	}

	private String typeMessage(JacksonException ex, JavaType target, Locale locale) {
		Class<?> raw = (target.isContainerType()) ? target.getContentType().getRawClass() : target.getRawClass();
		if (raw.isEnum() && ex instanceof InvalidFormatException) {
			return this.messages.getMessage("problem.field.oneOf",
					new Object[] { Arrays.toString(raw.getEnumConstants()) }, locale);
		}
		if (target.isContainerType() && !(ex instanceof InvalidFormatException) && ex.getPath().isEmpty()) {
			return text("problem.field.expected.list", locale);
		}
		String expected = switch (raw.getSimpleName()) {
			case "Integer", "int" -> "wholeNumber";
			case "Double", "double" -> "number";
			case "Boolean", "boolean" -> "boolean";
			case "String" -> "text";
			default -> raw.isEnum() ? "oneOfText" : "value";
		};
		if (expected.equals("oneOfText")) {
			return this.messages.getMessage("problem.field.oneOf",
					new Object[] { Arrays.toString(raw.getEnumConstants()) }, locale);
		}
		return text("problem.field.expected." + expected, locale);
	}

	/** The position inside a list, such as {@code [1]}, when the problem is one item. */
	private static String index(JacksonException ex) {
		return ex.getPath()
			.stream()
			.filter((reference) -> reference.getIndex() >= 0)
			.findFirst()
			.map((reference) -> "[" + reference.getIndex() + "]")
			.orElse("");
	}

	private static <R extends Record> R construct(Class<R> type, RecordComponent[] components, Object[] values) {
		try {
			Constructor<R> constructor = type.getDeclaredConstructor(
					Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			return constructor.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create " + type.getSimpleName(), ex);
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
