package com.sciaticacheck.assessment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a form post that the form has, as posted. A name the form does not have
 * is refused, never bound: an indexed, nested or map-style form of a field's name (the
 * name followed by {@code [0]}, {@code .x} or {@code [a]}) is an error next to that
 * field, any other name an error of the whole form.
 */
final class PostedForm {

	/** The problem of an indexed, nested or map-style form of a field's name. */
	static final String MALFORMED_FIELD = "form.field.malformed";

	/** The problem of a name the form does not have at all. */
	static final String UNKNOWN_FIELD = "form.unknownField";

	/** Spring Security's CSRF token rides along with every form. */
	private static final String CSRF = "_csrf";

	private final Map<String, List<String>> values;

	private PostedForm(Map<String, List<String>> values) {
		this.values = values;
	}

	/**
	 * @param parameters the request's parameters
	 * @param fields the form's fields
	 * @param alsoAllowed names that belong to another form posted together (read there)
	 * @param errors where refused names are reported
	 */
	static PostedForm read(Map<String, String[]> parameters, Set<String> fields, Set<String> alsoAllowed,
			FormErrors.Builder errors) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (fields.contains(name)) {
				values.put(name, Arrays.asList(parameter.getValue()));
			}
			else if (!name.equals(CSRF) && !alsoAllowed.contains(name)) {
				refuse(name, fields, alsoAllowed, errors);
			}
		}
		return new PostedForm(values);
	}

	private static void refuse(String name, Set<String> fields, Set<String> alsoAllowed, FormErrors.Builder errors) {
		int end = indexOfAny(name, "[.");
		String stem = (end > 0) ? name.substring(0, end) : null;
		if (stem != null && fields.contains(stem)) {
			errors.field(stem, MALFORMED_FIELD);
		}
		else if (stem == null || !alsoAllowed.contains(stem)) {
			// a malformed name of the other form is that form's to report
			errors.general(UNKNOWN_FIELD);
		}
	}

	private static int indexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/** The values posted for a field; empty when none. */
	List<String> values(String field) {
		return this.values.getOrDefault(field, List.of());
	}

	/** The one value posted for a field, or {@code null}. */
	String value(String field) {
		List<String> given = values(field);
		return given.isEmpty() ? null : given.get(0);
	}

}
