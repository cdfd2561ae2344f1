package com.sciaticacheck.assessment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.WarningSign;

/**
 * Step 1, the safety check: every question needs an explicit yes or no, so a skipped
 * question is never read as "no".
 */
public final class SafetyForm extends CheckForm {

	private static final List<String> FIELDS = Arrays.stream(SafetyQuestion.values())
		.map(SafetyQuestion::getField)
		.toList();

	private static final Set<String> NAMES = Set.copyOf(FIELDS);

	private SafetyForm(PostedForm posted, FormErrors errors, boolean blank) {
		super(posted, errors, blank, FIELDS);
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

	@Override
	void carriedAlong(BiConsumer<String, String> hidden) {
		// the safety answers are all there is to carry
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
		return "true".equals(value(question.getField()));
	}

}
