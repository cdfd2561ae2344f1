package com.sciaticacheck.assessment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.sciaticacheck.rules.AnswerCheck;
import com.sciaticacheck.rules.Answers;
import com.sciaticacheck.rules.Asking;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.training.TrainingUploads;

/**
 * Step 2, the questionnaire, bound by the question catalogue: the answers as the runner
 * typed them (shown again as typed), the distance unit, and the problems next to each
 * field; the checked {@link Answers} when there are none. The safety answers of step 1
 * travel along in hidden fields, so the answers assessed and stored include each explicit
 * "no". A follow-up check's form also has the follow-up question; any other refuses it as
 * a name it does not have.
 */
public final class QuestionnaireForm extends CheckForm {

	static final String UNIT = "unit";

	/**
	 * The fields of each page in the order it asks them: the unit comes before the first
	 * distance.
	 */
	private static final Map<Asking, List<String>> FIELDS = byPage(QuestionnaireForm::pageOrder);

	private static final Map<Asking, Set<String>> NAMES = byPage(QuestionnaireForm::names);

	/**
	 * The import's own fields, in the same form: posted along with every answer, and read
	 * only by the import step ({@link TrainingImportStep}).
	 */
	static final Set<String> IMPORT_FIELDS = Set.of(TrainingUploads.FILES, TrainingUploads.TIME_ZONE);

	private final Answers answers;

	private final boolean underAge;

	private QuestionnaireForm(PostedForm posted, FormErrors errors, Answers answers, boolean blank, boolean underAge,
			Asking asking) {
		super(posted, errors, blank, FIELDS.get(asking));
		this.answers = answers;
		this.underAge = underAge;
	}

	/**
	 * A blank questionnaire, in kilometres unless the runner picks miles, after a safety
	 * step answered "no" throughout: the only way to reach it.
	 * @param asking the page it is on: a follow-up's has one more question
	 */
	static QuestionnaireForm blank(Asking asking) {
		Map<String, String[]> start = new HashMap<>();
		start.put(UNIT, new String[] { DistanceUnit.KM.name() });
		SafetyForm.FIELDS.forEach((field) -> start.put(field, new String[] { "false" }));
		return new QuestionnaireForm(PostedForm.read(start, namesOn(asking), Set.of(), new FormErrors.Builder()),
				FormErrors.none(), null, true, false, asking);
	}

	/**
	 * Reads and checks a posted questionnaire.
	 * @param parameters the request's parameters
	 * @param alsoAllowed the names of another form posted together, such as consent
	 * @param asking the page it was posted from ({@link CheckPage#asking()}): only a
	 * follow-up's takes the follow-up question
	 */
	public static QuestionnaireForm read(Map<String, String[]> parameters, Set<String> alsoAllowed, Asking asking) {
		FormErrors.Builder errors = new FormErrors.Builder();
		PostedForm posted = PostedForm.read(parameters, namesOn(asking), withImportFields(alsoAllowed), errors);
		DistanceUnit unit = unit(posted, errors);
		Map<Question<?>, Object> values = new LinkedHashMap<>();
		for (Question<?> question : asking.questions()) {
			if (question.section() == Question.Section.SAFETY) {
				// carried from step 1 and checked by safetyCheckDone
				Boolean answer = readSafety(posted, question);
				if (answer != null) {
					values.put(question, answer);
				}
				continue;
			}
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
		boolean underAge = underAge(values);
		for (AnswerCheck.Problem problem : AnswerCheck.problems(values, asking)) {
			Question<?> question = problem.question();
			if (question.kind() == Question.Kind.DISTANCE && (unit == null || errors.has(question.pageName()))) {
				continue;
			}
			if (underAge && question == Question.AGE_YEARS) {
				// not a typing error to correct: the check is not for children
				continue;
			}
			switch (problem.kind()) {
				case REQUIRED -> errors.field(question.pageName(), "question." + question.pageName() + ".required");
				case OUT_OF_RANGE -> outOfRange(errors, question, unit);
				case DOES_NOT_FIT -> errors.field(question.pageName(), problem.messageKey());
			}
		}
		FormErrors found = errors.build(FIELDS.get(asking));
		// without every safety answer there is no check to assess (the flow sends the
		// runner back to the safety step), whatever else was answered
		boolean safetyDone = Question.SAFETY_CHECK.stream().allMatch(values::containsKey);
		boolean assessable = !found.any() && !underAge && safetyDone;
		return new QuestionnaireForm(posted, found, assessable ? new Answers(values) : null, false, underAge, asking);
	}

	/**
	 * The questionnaire as posted, shown again to go on answering: nothing is checked yet
	 * (the runner is part-way), only the import's own problems are shown.
	 * @param importErrors problems of the import, on the field {@code files}
	 */
	static QuestionnaireForm resumed(Map<String, String[]> parameters, FormErrors importErrors, Asking asking) {
		PostedForm posted = PostedForm.read(parameters, namesOn(asking), IMPORT_FIELDS, new FormErrors.Builder());
		return new QuestionnaireForm(posted, importErrors, null, false, false, asking);
	}

	/** The unit chosen so far, or kilometres where none is yet. */
	DistanceUnit unitOrKm() {
		DistanceUnit unit = unit(posted(), new FormErrors.Builder());
		return (unit != null) ? unit : DistanceUnit.KM;
	}

	private static Set<String> withImportFields(Set<String> alsoAllowed) {
		if (alsoAllowed.isEmpty()) {
			return IMPORT_FIELDS;
		}
		Set<String> names = new LinkedHashSet<>(alsoAllowed);
		names.addAll(IMPORT_FIELDS);
		return names;
	}

	/**
	 * An age from 0 up to the youngest the check is for: a child, not a number out of
	 * range. A negative age stays a typing error.
	 */
	private static boolean underAge(Map<Question<?>, Object> values) {
		Object age = values.get(Question.AGE_YEARS);
		return age instanceof Integer years && years >= 0 && years < Question.AGE_YEARS.min().intValue();
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

	/**
	 * Whether every safety question came with an explicit answer: the questionnaire is
	 * reached only through the safety step.
	 */
	public boolean safetyCheckDone() {
		return Question.SAFETY_CHECK.stream().allMatch((question) -> readSafety(posted(), question) != null);
	}

	private static Boolean readSafety(PostedForm posted, Question<?> question) {
		try {
			return (Boolean) question.read(posted.values(question.pageName()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Whether the runner is younger than the check is for: they see what to do instead,
	 * whatever else they answered, and are never asked to change their age.
	 */
	public boolean isUnderAge() {
		return this.underAge;
	}

	/**
	 * The checked answers, in kilometres; empty while there are problems, and for a
	 * child.
	 */
	public Optional<Answers> answers() {
		return Optional.ofNullable(this.answers);
	}

	/** The safety step's answers, as they came. */
	@Override
	void carriedAlong(BiConsumer<String, String> hidden) {
		for (String field : SafetyForm.FIELDS) {
			posted().values(field).forEach((value) -> hidden.accept(field, value));
		}
	}

	/** The names a page's form takes; the API is not a page. */
	private static Set<String> namesOn(Asking asking) {
		Set<String> names = NAMES.get(asking);
		if (names == null) {
			throw new IllegalArgumentException("Not a page: " + asking);
		}
		return names;
	}

	private static <T> Map<Asking, T> byPage(Function<Asking, T> ofPage) {
		Map<Asking, T> byPage = new EnumMap<>(Asking.class);
		byPage.put(Asking.ON_PAGE, ofPage.apply(Asking.ON_PAGE));
		byPage.put(Asking.ON_PAGE_AT_FOLLOW_UP, ofPage.apply(Asking.ON_PAGE_AT_FOLLOW_UP));
		return byPage;
	}

	private static List<String> pageOrder(Asking asking) {
		List<String> fields = new ArrayList<>();
		for (Question<?> question : asking.questions()) {
			if (question.section() == Question.Section.SAFETY) {
				continue;
			}
			if (question.kind() == Question.Kind.DISTANCE && !fields.contains(UNIT)) {
				fields.add(UNIT);
			}
			fields.add(question.pageName());
		}
		return List.copyOf(fields);
	}

	private static Set<String> names(Asking asking) {
		Set<String> names = new LinkedHashSet<>(pageOrder(asking));
		names.addAll(SafetyForm.FIELDS);
		return Set.copyOf(names);
	}

}
