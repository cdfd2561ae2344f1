package com.sciaticacheck.assessment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.WarningSign;

/**
 * Step 1, the safety check: every question needs an explicit yes or no, so a skipped
 * question is never read as "no".
 */
public final class SafetyForm {

	private static final List<String> FIELDS = Arrays.stream(SafetyQuestion.values())
		.map(SafetyQuestion::getField)
		.toList();

	private static final Set<String> NAMES = Set.copyOf(FIELDS);

	private final PostedForm posted;

	private final FormErrors errors;

	private final boolean blank;

	private SafetyForm(PostedForm posted, FormErrors errors, boolean blank) {
		this.blank = blank;
		this.posted = posted;
		this.errors = errors;
	}

	static SafetyForm blank() {
		return new SafetyForm(PostedForm.read(Map.of(), NAMES, Set.of(), new FormErrors.Builder()), FormErrors.none(),
				true);
	}

	/**
	 * Reads and checks the posted safety answers.
	 * @param alsoAllowed the names of another form posted together, such as consent
	 */
	public static SafetyForm read(Map<String, String[]> parameters, Set<String> alsoAllowed) {
		FormErrors.Builder errors = new FormErrors.Builder();
		PostedForm posted = PostedForm.read(parameters, NAMES, alsoAllowed, errors);
		for (String field : FIELDS) {
			List<String> given = posted.values(field);
			if (given.size() != 1 || !(given.get(0).equals("true") || given.get(0).equals("false"))) {
				errors.field(field, "safety.answerRequired");
			}
		}
		return new SafetyForm(posted, errors.build(FIELDS), false);
	}

	/** Whether this is the safety step as it starts, before any answer. */
	public boolean isBlank() {
		return this.blank;
	}

	public FormErrors getErrors() {
		return this.errors;
	}

	/** The answer as posted, to show it again. */
	public String value(String field) {
		return this.posted.value(field);
	}

	public boolean checked(String field, String option) {
		return this.posted.values(field).contains(option);
	}

	/** Every answer as posted: carried in hidden fields with a consent choice. */
	public String getHiddenFieldsHtml() {
		return HiddenFields.html(hiddenFields());
	}

	List<Map.Entry<String, String>> hiddenFields() {
		return FIELDS.stream()
			.filter((field) -> this.posted.value(field) != null)
			.map((field) -> Map.entry(field, this.posted.value(field)))
			.toList();
	}

	/** The warning signs answered "yes"; only meaningful without errors. */
	Set<WarningSign> signs() {
		Set<WarningSign> signs = EnumSet.noneOf(WarningSign.class);
		for (SafetyQuestion question : SafetyQuestion.values()) {
			if (question.sign() != null && yes(question)) {
				signs.add(question.sign());
			}
		}
		return signs;
	}

	/**
	 * Both legs here is a yes-or-no; the questionnaire asks where the pain is in full.
	 */
	Pain pain() {
		return yes(SafetyQuestion.PAIN_IN_BOTH_LEGS) ? Pain.BOTH_LEGS : Pain.NONE;
	}

	private boolean yes(SafetyQuestion question) {
		return "true".equals(this.posted.value(question.getField()));
	}

}
