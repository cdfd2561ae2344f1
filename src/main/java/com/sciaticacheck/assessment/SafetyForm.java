package com.sciaticacheck.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.sciaticacheck.rules.Question;

/**
 * Step 1, the safety check: the catalogue's safety questions, each needing an explicit
 * yes or no, so a skipped question is never read as "no".
 */
public final class SafetyForm extends CheckForm {

	static final List<String> FIELDS = Question.SAFETY_CHECK.stream().map(Question::pageName).toList();

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
		for (Question<Boolean> question : Question.SAFETY_CHECK) {
			if (answer(posted, question) == null) {
				errors.field(question.pageName(), "safety.answerRequired");
			}
		}
		return new SafetyForm(posted, errors.build(FIELDS), false);
	}

	@Override
	void carriedAlong(BiConsumer<String, String> hidden) {
		// the safety answers are all there is to carry
	}

	/** The answers, each an explicit yes or no; only meaningful without errors. */
	Map<Question<?>, Object> answers() {
		Map<Question<?>, Object> answers = new LinkedHashMap<>();
		Question.SAFETY_CHECK.forEach((question) -> answers.put(question, answer(posted(), question)));
		return answers;
	}

	/** The answer posted: exactly one "true" or "false", else null. */
	private static Boolean answer(PostedForm posted, Question<Boolean> question) {
		try {
			return question.read(posted.values(question.pageName()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
