package com.sciaticacheck.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems with a posted form, by field in page order, each a message key with its
 * arguments; the page resolves them. Problems that belong to no field (a name the form
 * does not have) are listed first.
 */
public final class FormErrors {

	/** One problem: a message key and its arguments. */
	public record Message(String key, Object[] args) {

		static Message of(String key, Object... args) {
			return new Message(key, args);
		}

	}

	/** A problem with the field it belongs to, for the error summary. */
	public record FieldMessage(String field, Message message) {
	}

	private final Map<String, List<Message>> byField;

	private final List<Message> general;

	private FormErrors(Map<String, List<Message>> byField, List<Message> general) {
		this.byField = byField;
		this.general = general;
	}

	static FormErrors none() {
		return new FormErrors(Map.of(), List.of());
	}

	/** Gathers problems in any order and lists them in the order of the page's fields. */
	static final class Builder {

		private final Map<String, List<Message>> byField = new LinkedHashMap<>();

		private final List<Message> general = new ArrayList<>();

		/** Adds a problem unless the field has one already: one message a field. */
		Builder field(String field, String key, Object... args) {
			this.byField.putIfAbsent(field, List.of(Message.of(key, args)));
			return this;
		}

		Builder general(String key) {
			if (this.general.stream().noneMatch((message) -> message.key().equals(key))) {
				this.general.add(Message.of(key));
			}
			return this;
		}

		boolean has(String field) {
			return this.byField.containsKey(field);
		}

		FormErrors build(List<String> pageOrder) {
			Map<String, List<Message>> ordered = new LinkedHashMap<>();
			for (String field : pageOrder) {
				List<Message> messages = this.byField.get(field);
				if (messages != null) {
					ordered.put(field, messages);
				}
			}
			return new FormErrors(Collections.unmodifiableMap(ordered), List.copyOf(this.general));
		}

	}

	/**
	 * Whether a name the form does not have was posted, such as {@code symptoms[0]}: no
	 * page of ours sends one, so the answer is a 400, with the form and its errors.
	 */
	public boolean refusedNames() {
		return this.general.stream().anyMatch((message) -> message.key().equals(PostedForm.UNKNOWN_FIELD))
				|| this.byField.values()
					.stream()
					.flatMap(List::stream)
					.anyMatch((message) -> message.key().equals(PostedForm.MALFORMED_FIELD));
	}

	public boolean any() {
		return !this.byField.isEmpty() || !this.general.isEmpty();
	}

	public boolean has(String field) {
		return this.byField.containsKey(field);
	}

	public List<Message> of(String field) {
		return this.byField.getOrDefault(field, List.of());
	}

	/** Problems that belong to no one field, such as a name the form does not have. */
	public List<Message> general() {
		return this.general;
	}

	/** Every field's problems, in page order, for the error summary. */
	public List<FieldMessage> byField() {
		List<FieldMessage> all = new ArrayList<>();
		this.byField
			.forEach((field, messages) -> messages.forEach((message) -> all.add(new FieldMessage(field, message))));
		return all;
	}

}
