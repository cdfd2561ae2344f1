package com.sciaticacheck.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import com.sciaticacheck.rules.AnswerCheck;
import com.sciaticacheck.rules.Answers;
import com.sciaticacheck.rules.Question;

/**
 * Step 2, the questionnaire, bound by the question catalogue: the answers as the runner
 * typed them (shown again as typed), the distance unit, and the problems next to each
 * field; the checked {@link Answers} when there are none. The safety answers of step 1
 * were all "no" to get here; {@code safetyChecked} carries that.
 */
public final class QuestionnaireForm extends CheckForm {

	static final String UNIT = "unit";

	static final String SAFETY_CHECKED = "safetyChecked";

	/**
	 * The fields in the order the page asks them: the unit comes before the first
	 * distance.
	 */
	static final List<String> FIELDS = pageOrder();

	private static final Set<String> NAMES = names();

	private final Answers answers;

	private QuestionnaireForm(PostedForm posted, FormErrors errors, Answers answers, boolean blank) {
		super(posted, errors, blank, FIELDS);
		this.answers = answers;
	}

	/** A blank questionnaire, in kilometres unless the runner picks miles. */
	static QuestionnaireForm blank() {
		Map<String, String[]> start = Map.of(UNIT, new String[] { DistanceUnit.KM.name() }, SAFETY_CHECKED,
				new String[] { "true" });
		return new QuestionnaireForm(PostedForm.read(start, NAMES, Set.of(), new FormErrors.Builder()),
				FormErrors.none(), null, true);
	}

	/**
	 * Reads and checks a posted questionnaire.
	 * @param parameters the request's parameters
	 * @param alsoAllowed the names of another form posted together, such as consent
	 */
	public static QuestionnaireForm read(Map<String, String[]> parameters, Set<String> alsoAllowed) {
		FormErrors.Builder errors = new FormErrors.Builder();
		PostedForm posted = PostedForm.read(parameters, NAMES, alsoAllowed, errors);
		DistanceUnit unit = unit(posted, errors);
		Map<Question<?>, Object> values = new LinkedHashMap<>();
		for (Question<?> question : Question.ALL) {
			try {
				Object value = question.read(posted.values(question.pageName()));
				if (question.kind() == Question.Kind.DISTANCE && value != null) {
					// the check and the rules take kilometres; an unknown unit is
					// reported
					value = (unit != null) ? unit.toKm((Double) value) : null;
				}
				if (value != null) {
					values.put(question, value);
				}
			}
			catch (IllegalArgumentException ex) {
				errors.field(question.pageName(), "answer.unreadable." + question.kind());
			}
		}
		for (AnswerCheck.Problem problem : AnswerCheck.problems(values)) {
			Question<?> question = problem.question();
			if (question.kind() == Question.Kind.DISTANCE && (unit == null || errors.has(question.pageName()))) {
				continue;
			}
			switch (problem.kind()) {
				case REQUIRED -> errors.field(question.pageName(), "question." + question.pageName() + ".required");
				case OUT_OF_RANGE -> outOfRange(errors, question, unit);
				case DOES_NOT_FIT -> errors.field(question.pageName(), problem.messageKey());
			}
		}
		FormErrors found = errors.build(FIELDS);
		return new QuestionnaireForm(posted, found, found.any() ? null : new Answers(values), false);
	}

	private static DistanceUnit unit(PostedForm posted, FormErrors.Builder errors) {
		List<String> given = posted.values(UNIT);
		for (DistanceUnit unit : DistanceUnit.values()) {
			if (given.size() == 1 && unit.name().equals(given.get(0))) {
				return unit;
			}
		}
		errors.field(UNIT, given.isEmpty() ? "question.unit.required" : "answer.unreadable.ONE_OF");
		return null;
	}

	private static void outOfRange(FormErrors.Builder errors, Question<?> question, DistanceUnit unit) {
		if (question.kind() == Question.Kind.DISTANCE) {
			errors.field(question.pageName(), "question.distance.range." + unit.name(), 0, unit.max(question));
		}
		else {
			errors.field(question.pageName(), "question." + question.pageName() + ".range", question.min(),
					question.max());
		}
	}

	public boolean safetyCheckDone() {
		return "true".equals(posted().value(SAFETY_CHECKED));
	}

	/** The checked answers, in kilometres; empty while there are problems. */
	public Optional<Answers> answers() {
		return Optional.ofNullable(this.answers);
	}

	/** The questionnaire is reached only through the safety step. */
	@Override
	void carriedAlong(BiConsumer<String, String> hidden) {
		hidden.accept(SAFETY_CHECKED, "true");
	}

	private static List<String> pageOrder() {
		List<String> fields = new ArrayList<>();
		for (Question<?> question : Question.ALL) {
			if (question.kind() == Question.Kind.DISTANCE && !fields.contains(UNIT)) {
				fields.add(UNIT);
			}
			fields.add(question.pageName());
		}
		return List.copyOf(fields);
	}

	private static Set<String> names() {
		Set<String> names = new LinkedHashSet<>(FIELDS);
		names.add(SAFETY_CHECKED);
		return Set.copyOf(names);
	}

}
