package com.sciaticacheck.rules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The question catalogue: every question of the check is one constant here, in the order
 * the questionnaire asks it, and nothing else spells it out. The form binding, the API's
 * validation, the questionnaire page, the physio's views, the CSV, the FHIR export and
 * the stored answers all derive from these entries.
 *
 * <p>
 * To add a question: add a constant (and put it in {@link #ALL}), add its texts to
 * {@code messages.properties} ({@code question.<pageName>.label}, {@code .hint} and the
 * error texts; {@code answerField.<name>} for the physio's views), and, if it is scored,
 * a rule row and one named {@link Measure}. The API request record keeps a component per
 * question.
 *
 * @param <T> the type of an answer: {@code Integer}, {@code Double}, {@code Boolean}, an
 * enum, or a set of an enum
 */
public final class Question<T> {

	/** What kind of answer a question takes, which decides its input and parsing. */
	public enum Kind {

		/** A whole number, such as an age. */
		WHOLE_NUMBER,
		/** A number that may have decimals, such as a weight. */
		NUMBER,
		/**
		 * A distance: kilometres in the API and when stored, the runner's unit on the
		 * page.
		 */
		DISTANCE,
		/** Yes or no. */
		YES_NO,
		/** One of a set of options. */
		ONE_OF,
		/** Any number of a set of options, none included. */
		ANY_OF

	}

	/**
	 * When a question must be answered. The last two were added after version 2 of the
	 * JSON API was published: optional there, so requests written before them stay valid,
	 * and needed on the page, where a physio following a client over time wants them at
	 * every check ({@link Asking} says which applies).
	 */
	public enum Requirement {

		ALWAYS, OPTIONAL,
		/** Only when there is back or leg pain now; dropped when there is none. */
		WITH_PAIN,
		/**
		 * Asked when there is back or leg pain now, and then needed on the page; optional
		 * in the API. Dropped when there is no pain.
		 */
		WITH_PAIN_ON_PAGE,
		/**
		 * Asked only at a follow-up check, and needed there on the page; not shown or
		 * taken on the page of any other check. Optional in the API, which knows no
		 * follow-ups.
		 */
		AT_FOLLOW_UP;

		/** Whether the answer only counts with pain now, and is dropped without. */
		public boolean onlyWithPain() {
			return this == WITH_PAIN || this == WITH_PAIN_ON_PAGE;
		}

	}

	/**
	 * The check's sections, in page order: the safety check is a step of its own, the
	 * rest is the questionnaire.
	 */
	public enum Section {

		SAFETY, YOU, LOAD, TERRAIN, STRENGTH, HISTORY, PAIN;

		/** The sections of the questionnaire, after the safety step. */
		public static List<Section> questionnaire() {
			return List.of(YOU, LOAD, TERRAIN, STRENGTH, HISTORY, PAIN);
		}

		/** The id of the section's heading, and the stem of its message key. */
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		public String messageKey() {
			return "questionnaire.section." + id();
		}

		public List<Question<?>> questions() {
			return ALL.stream().filter((question) -> question.section == this).toList();
		}

		/**
		 * Whether the section asks distances, so the page asks for their unit first.
		 */
		public boolean asksDistances() {
			return ALL.stream().anyMatch((question) -> question.section == this && question.kind == Kind.DISTANCE);
		}

	}

	/** A LOINC code for a question that has one, for the FHIR Questionnaire. */
	public record Code(String system, String code, String display) {

		static Code loinc(String code, String display) {
			return new Code("http://loinc.org", code, display);
		}

	}

	/**
	 * The safety check: each an emergency sign, asked on its own and needing an explicit
	 * yes or no (people may not mention saddle numbness unless asked: NICE CKS). The API
	 * takes them as the members of one {@code safetyCheck} object.
	 */
	public static final Question<Boolean> SADDLE_NUMBNESS = safety("saddleNumbness");

	public static final Question<Boolean> BLADDER_CHANGE = safety("bladderChange");

	public static final Question<Boolean> BOWEL_CHANGE = safety("bowelChange");

	public static final Question<Boolean> SEXUAL_DYSFUNCTION = safety("sexualDysfunction");

	public static final Question<Boolean> BOTH_LEGS_WEAK_OR_NUMB = safety("bothLegsWeakOrNumb");

	public static final Question<Boolean> SERIOUS_ACCIDENT = safety("seriousAccident");

	/** The safety check's questions, in the order the page asks them. */
	public static final List<Question<Boolean>> SAFETY_CHECK = List.of(SADDLE_NUMBNESS, BLADDER_CHANGE, BOWEL_CHANGE,
			SEXUAL_DYSFUNCTION, BOTH_LEGS_WEAK_OR_NUMB, SERIOUS_ACCIDENT);

	/** The API object whose members are the safety check's questions. */
	public static final String SAFETY_CHECK_OBJECT = "safetyCheck";

	public static final Question<Integer> AGE_YEARS = wholeNumber("ageYears", Section.YOU, Requirement.ALWAYS, 16, 100)
		.coded(Code.loinc("30525-0", "Age"));

	public static final Question<Integer> HEIGHT_CM = wholeNumber("heightCm", Section.YOU, Requirement.OPTIONAL, 120,
			230)
		.coded(Code.loinc("8302-2", "Body height"));

	public static final Question<Double> WEIGHT_KG = number("weightKg", Section.YOU, Requirement.OPTIONAL, 30, 250)
		.coded(Code.loinc("29463-7", "Body weight"));

	public static final Question<Boolean> SMOKER = yesNo("smoker", Section.YOU, Requirement.ALWAYS);

	/** Pregnant, or gave birth in the last 6 months; not answered is no. */
	public static final Question<Boolean> PREGNANT_OR_POSTPARTUM = yesNo("pregnantOrPostpartum", Section.YOU,
			Requirement.OPTIONAL);

	public static final Question<Double> WEEKLY_DISTANCE_KM = distance("weeklyDistanceKm", "weeklyDistance", 400);

	public static final Question<Double> BASELINE_WEEKLY_DISTANCE_KM = distance("baselineWeeklyDistanceKm",
			"baselineWeeklyDistance", 400);

	public static final Question<Double> LONGEST_RUN_KM = distance("longestRunKm", "longestRun", 250);

	public static final Question<Double> BASELINE_LONGEST_RUN_KM = distance("baselineLongestRunKm",
			"baselineLongestRun", 250);

	public static final Question<IntensityChange> INTENSITY_CHANGE = oneOf("intensityChange", Section.LOAD,
			IntensityChange.class);

	public static final Question<Surface> UNEVEN_SURFACES = oneOf("unevenSurfaces", Section.TERRAIN, Surface.class);

	public static final Question<Footwear> FOOTWEAR = oneOf("footwear", Section.TERRAIN, Footwear.class);

	public static final Question<Integer> STRENGTH_SESSIONS_PER_WEEK = wholeNumber("strengthSessionsPerWeek",
			Section.STRENGTH, Requirement.ALWAYS, 0, 14);

	public static final Question<SideDifference> SIDE_TO_SIDE_DIFFERENCE = oneOf("sideToSideDifference",
			Section.STRENGTH, SideDifference.class);

	public static final Question<FormConcern> FORM_CONCERNS = oneOf("formConcerns", Section.STRENGTH,
			FormConcern.class);

	public static final Question<Set<Condition>> CONDITIONS = anyOf("conditions", Section.HISTORY, Condition.class,
			List.of(Condition.values()));

	/**
	 * How the client is compared with their last check, in five steps from much better to
	 * much worse: a global rating of change, the physio's quickest reading of whether
	 * things are settling. Only a follow-up has a last check to compare with.
	 */
	public static final Question<ChangeSinceLastCheck> CHANGE_SINCE_LAST_CHECK = oneOf("changeSinceLastCheck",
			Section.PAIN, Requirement.AT_FOLLOW_UP, ChangeSinceLastCheck.class);

	public static final Question<Pain> PAIN = oneOf("pain", Section.PAIN, Pain.class);

	public static final Question<Integer> PAIN_WEEKS = wholeNumber("painWeeks", Section.PAIN, Requirement.WITH_PAIN, 0,
			520);

	public static final Question<Integer> PAIN_SEVERITY = wholeNumber("painSeverity", Section.PAIN,
			Requirement.WITH_PAIN, 0, 10)
		.coded(Code.loinc("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));

	/**
	 * Leg pain on average over the last 7 days, on a 0 to 10 numeric rating scale (free
	 * to use): with back pain, the two scores a physio follows from check to check. Not
	 * coded: no LOINC term names the average pain of one body part over 7 days, and the
	 * code of {@link #PAIN_SEVERITY} (pain at its worst now) would say something else.
	 */
	public static final Question<Integer> LEG_PAIN_AVERAGE = wholeNumber("legPainAverage", Section.PAIN,
			Requirement.WITH_PAIN_ON_PAGE, 0, 10);

	/**
	 * Back pain on average over the last 7 days, 0 to 10, as {@link #LEG_PAIN_AVERAGE}.
	 */
	public static final Question<Integer> BACK_PAIN_AVERAGE = wholeNumber("backPainAverage", Section.PAIN,
			Requirement.WITH_PAIN_ON_PAGE, 0, 10);

	public static final Question<Set<Symptom>> SYMPTOMS = anyOf("symptoms", Section.PAIN, Symptom.class,
			List.of(Symptom.values()));

	/**
	 * The signs for today or this week; the emergency signs are the safety check's own
	 * questions, and the retired signs of rules version 1 are not answers any more.
	 */
	public static final Question<Set<WarningSign>> WARNING_SIGNS = anyOf("warningSigns", Section.PAIN,
			WarningSign.class, Arrays.stream(WarningSign.values()).filter((sign) -> !sign.retired()).toList());

	/** Every question, in the order the check asks them. */
	public static final List<Question<?>> ALL = List.of(SADDLE_NUMBNESS, BLADDER_CHANGE, BOWEL_CHANGE,
			SEXUAL_DYSFUNCTION, BOTH_LEGS_WEAK_OR_NUMB, SERIOUS_ACCIDENT, AGE_YEARS, HEIGHT_CM, WEIGHT_KG, SMOKER,
			PREGNANT_OR_POSTPARTUM, WEEKLY_DISTANCE_KM, BASELINE_WEEKLY_DISTANCE_KM, LONGEST_RUN_KM,
			BASELINE_LONGEST_RUN_KM, INTENSITY_CHANGE, UNEVEN_SURFACES, FOOTWEAR, STRENGTH_SESSIONS_PER_WEEK,
			SIDE_TO_SIDE_DIFFERENCE, FORM_CONCERNS, CONDITIONS, CHANGE_SINCE_LAST_CHECK, PAIN, PAIN_WEEKS,
			PAIN_SEVERITY, LEG_PAIN_AVERAGE, BACK_PAIN_AVERAGE, SYMPTOMS, WARNING_SIGNS);

	private static final Map<String, Question<?>> BY_NAME = index();

	private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,9}");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,9}(\\.\\d{0,9})?|\\.\\d{1,9})");

	private final String name;

	private final String pageName;

	private final Kind kind;

	private final Section section;

	private final Requirement requirement;

	private final BigDecimal min;

	private final BigDecimal max;

	private final Class<? extends Enum<?>> options;

	private final List<String> optionNames;

	private final List<String> pageOptions;

	private final Code code;

	private Question(String name, String pageName, Kind kind, Section section, Requirement requirement, Number min,
			Number max, Class<? extends Enum<?>> options, List<String> pageOptions, Code code) {
		this.name = name;
		this.pageName = pageName;
		this.kind = kind;
		this.section = section;
		this.requirement = requirement;
		this.min = (min != null) ? new BigDecimal(min.toString()) : null;
		this.max = (max != null) ? new BigDecimal(max.toString()) : null;
		this.options = options;
		// the options an answer may take now: what the page lists (an enum may keep
		// retired constants only to read results stored under earlier rules)
		this.pageOptions = (pageOptions != null) ? List.copyOf(pageOptions) : List.of();
		this.optionNames = this.pageOptions;
		this.code = code;
	}

	private static Question<Integer> wholeNumber(String name, Section section, Requirement requirement, int min,
			int max) {
		return new Question<>(name, name, Kind.WHOLE_NUMBER, section, requirement, min, max, null, null, null);
	}

	private static Question<Double> number(String name, Section section, Requirement requirement, int min, int max) {
		return new Question<>(name, name, Kind.NUMBER, section, requirement, min, max, null, null, null);
	}

	/**
	 * A distance run: named in kilometres for the API and storage, and without the unit
	 * on the page, where the runner picks kilometres or miles.
	 */
	private static Question<Double> distance(String name, String pageName, int maxKm) {
		return new Question<>(name, pageName, Kind.DISTANCE, Section.LOAD, Requirement.ALWAYS, 0, maxKm, null, null,
				null);
	}

	private static Question<Boolean> yesNo(String name, Section section, Requirement requirement) {
		return new Question<>(name, name, Kind.YES_NO, section, requirement, null, null, null, null, null);
	}

	/**
	 * A safety question: a member of the API's {@code safetyCheck} object, so its name is
	 * the member's path; on the page it is a field of the safety step.
	 */
	private static Question<Boolean> safety(String member) {
		return new Question<>(SAFETY_CHECK_OBJECT + "." + member, member, Kind.YES_NO, Section.SAFETY,
				Requirement.ALWAYS, null, null, null, null, null);
	}

	private static <E extends Enum<E>> Question<E> oneOf(String name, Section section, Class<E> options) {
		return oneOf(name, section, Requirement.ALWAYS, options);
	}

	private static <E extends Enum<E>> Question<E> oneOf(String name, Section section, Requirement requirement,
			Class<E> options) {
		return new Question<>(name, name, Kind.ONE_OF, section, requirement, null, null, options,
				names(List.of(options.getEnumConstants())), null);
	}

	private static <E extends Enum<E>> Question<Set<E>> anyOf(String name, Section section, Class<E> options,
			List<E> onPage) {
		return new Question<>(name, name, Kind.ANY_OF, section, Requirement.OPTIONAL, null, null, options,
				names(onPage), null);
	}

	private Question<T> coded(Code code) {
		return new Question<>(this.name, this.pageName, this.kind, this.section, this.requirement, this.min, this.max,
				this.options, this.pageOptions, code);
	}

	private static List<String> names(List<? extends Enum<?>> options) {
		return options.stream().map(Enum::name).toList();
	}

	private static Map<String, Question<?>> index() {
		Map<String, Question<?>> byName = new LinkedHashMap<>();
		for (Question<?> question : ALL) {
			if (byName.put(question.name, question) != null) {
				throw new IllegalStateException("Two questions are named " + question.name);
			}
		}
		return Collections.unmodifiableMap(byName);
	}

	/** The question with this API name, if there is one. */
	public static Optional<Question<?>> named(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	/**
	 * The name in the API, in stored answers, in the CSV header and as the FHIR linkId.
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The form field on the page, also the stem of the question's message keys; differs
	 * from {@link #name()} only for distances, which the page takes in the runner's unit.
	 */
	public String pageName() {
		return this.pageName;
	}

	public Kind kind() {
		return this.kind;
	}

	public Section section() {
		return this.section;
	}

	public Requirement requirement() {
		return this.requirement;
	}

	/** The smallest answer allowed, for numbers and distances (in km); else null. */
	public BigDecimal min() {
		return this.min;
	}

	/** The largest answer allowed, for numbers and distances (in km); else null. */
	public BigDecimal max() {
		return this.max;
	}

	/**
	 * The names of the options an answer may take, for questions with options; else
	 * empty.
	 */
	public List<String> options() {
		return this.optionNames;
	}

	/** The options the questionnaire page lists, in order. */
	public List<String> pageOptions() {
		return this.pageOptions;
	}

	/** The message key stem of the options' labels, such as {@code answer.Pain}. */
	public String optionKeyPrefix() {
		return (this.kind == Kind.YES_NO) ? "answer.yesNo" : "answer." + this.options.getSimpleName();
	}

	/** The label of this question in the physio's views and exports. */
	public String summaryLabelKey() {
		return "answerField." + this.name;
	}

	public Optional<Code> code() {
		return Optional.ofNullable(this.code);
	}

	public boolean hasOptions() {
		return this.kind == Kind.ONE_OF || this.kind == Kind.ANY_OF;
	}

	public boolean numeric() {
		return this.kind == Kind.WHOLE_NUMBER || this.kind == Kind.NUMBER || this.kind == Kind.DISTANCE;
	}

	/**
	 * Reads an answer from text as typed into a form or a CSV cell: {@code null} when
	 * nothing was given. A decimal comma is accepted and spaces are trimmed.
	 * @param texts the values given, several only for {@link Kind#ANY_OF}
	 * @throws IllegalArgumentException when the text is not an answer of this kind
	 */
	public T read(List<String> texts) {
		if (this.kind == Kind.ANY_OF) {
			return cast(readSet(texts));
		}
		if (texts.size() > 1) {
			throw new IllegalArgumentException("one answer expected");
		}
		String text = texts.isEmpty() ? "" : texts.get(0).strip();
		if (text.isEmpty()) {
			return null;
		}
		return cast(switch (this.kind) {
			case WHOLE_NUMBER -> {
				require(WHOLE.matcher(text).matches());
				yield Integer.valueOf(text);
			}
			case NUMBER, DISTANCE -> {
				String decimal = text.replace(',', '.');
				require(DECIMAL.matcher(decimal).matches());
				yield Double.valueOf(decimal);
			}
			case YES_NO -> {
				require(text.equals("true") || text.equals("false"));
				yield Boolean.valueOf(text);
			}
			case ONE_OF -> option(text);
			case ANY_OF -> throw new IllegalStateException();
		});
	}

	private Set<Enum<?>> readSet(List<String> texts) {
		Set<Enum<?>> values = new java.util.LinkedHashSet<>();
		for (String text : texts) {
			if (!text.isBlank()) {
				values.add(option(text.strip()));
			}
		}
		return values;
	}

	private Enum<?> option(String text) {
		require(this.optionNames.contains(text));
		return storedOption(text);
	}

	/**
	 * An option by name, retired ones included: for answers stored under earlier rules,
	 * never for new answers.
	 * @throws IllegalArgumentException when the enum has no such constant
	 */
	public Enum<?> storedOption(String text) {
		for (Enum<?> option : this.options.getEnumConstants()) {
			if (option.name().equals(text)) {
				return option;
			}
		}
		throw new IllegalArgumentException("not an option");
	}

	/**
	 * Checks that a value read elsewhere (such as from JSON) has this question's type,
	 * and copies sets into an unmodifiable set in the options' declared order.
	 * @throws IllegalArgumentException when it does not
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public T accept(Object value) {
		if (value == null) {
			return null;
		}
		switch (this.kind) {
			case WHOLE_NUMBER -> require(value instanceof Integer);
			case NUMBER, DISTANCE -> require(value instanceof Double);
			case YES_NO -> require(value instanceof Boolean);
			case ONE_OF -> require(this.options.isInstance(value));
			case ANY_OF -> {
				require(value instanceof Collection<?> many && many.stream().allMatch(this.options::isInstance));
				Collection<Enum> many = (Collection<Enum>) value;
				// declared order, so findings and reasons come out in a stable order
				return cast(many.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(many)));
			}
		}
		return cast(value);
	}

	/** An answer as text, as a form shows it again or a CSV cell holds it. */
	public List<String> texts(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> many) {
			return many.stream().map((option) -> ((Enum<?>) option).name()).toList();
		}
		if (value instanceof Enum<?> option) {
			return List.of(option.name());
		}
		if (value instanceof Double number) {
			return List.of(BigDecimal.valueOf(number).stripTrailingZeros().toPlainString());
		}
		return List.of(String.valueOf(value));
	}

	@SuppressWarnings("unchecked")
	private T cast(Object value) {
		return (T) value;
	}

	private static void require(boolean condition) {
		if (!condition) {
			throw new IllegalArgumentException("not an answer of this kind");
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
