package com.sciaticacheck.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.sciaticacheck.rules.Answers;
import com.sciaticacheck.rules.Footwear;
import com.sciaticacheck.rules.FormConcern;
import com.sciaticacheck.rules.IntensityChange;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.SideDifference;
import com.sciaticacheck.rules.Surface;

/**
 * The one test runner, derived from the question catalogue: a calm runner's answers,
 * changed one question at a time, in every shape the app takes them (typed answers, the
 * API's JSON, the questionnaire's form fields). Tests name questions by their catalogue
 * constants, never by spelling out their names.
 */
public final class RunnerFixture {

	private final Map<Question<?>, Object> values;

	private RunnerFixture(Map<Question<?>, Object> values) {
		this.values = values;
	}

	/**
	 * A runner with no risk factor and no pain, who answered "no" to every safety
	 * question: score 0, no referral. Distances in km.
	 */
	public static RunnerFixture calm() {
		Map<Question<?>, Object> values = new LinkedHashMap<>();
		Question.SAFETY_CHECK.forEach((question) -> values.put(question, false));
		values.put(Question.AGE_YEARS, 35);
		values.put(Question.SMOKER, false);
		values.put(Question.WEEKLY_DISTANCE_KM, 30.0);
		values.put(Question.BASELINE_WEEKLY_DISTANCE_KM, 30.0);
		values.put(Question.LONGEST_RUN_KM, 12.0);
		values.put(Question.BASELINE_LONGEST_RUN_KM, 12.0);
		values.put(Question.INTENSITY_CHANGE, IntensityChange.NONE);
		values.put(Question.UNEVEN_SURFACES, Surface.NONE);
		values.put(Question.FOOTWEAR, Footwear.GOOD);
		values.put(Question.STRENGTH_SESSIONS_PER_WEEK, 2);
		values.put(Question.SIDE_TO_SIDE_DIFFERENCE, SideDifference.NONE);
		values.put(Question.FORM_CONCERNS, FormConcern.NONE);
		values.put(Question.CONDITIONS, Set.of());
		values.put(Question.PAIN, Pain.NONE);
		values.put(Question.SYMPTOMS, Set.of());
		values.put(Question.WARNING_SIGNS, Set.of());
		return new RunnerFixture(values);
	}

	/** The same runner with one answer changed (a copy: fixtures are never shared). */
	public <T> RunnerFixture with(Question<T> question, T value) {
		Map<Question<?>, Object> changed = new LinkedHashMap<>(this.values);
		changed.put(question, value);
		return new RunnerFixture(changed);
	}

	/**
	 * The same runner with pain now, for some weeks and of some severity at its worst,
	 * and as the page needs with pain, on average over the last 7 days a little below:
	 * one point in the leg, two in the back (never below 0).
	 */
	public RunnerFixture inPain(Pain pain, int weeks, int severity) {
		return inPain(pain, weeks, severity, Math.max(0, severity - 1), Math.max(0, severity - 2));
	}

	/** The same runner in pain, with the leg and back pain on average given. */
	public RunnerFixture inPain(Pain pain, int weeks, int severity, int legPainAverage, int backPainAverage) {
		return with(Question.PAIN, pain).with(Question.PAIN_WEEKS, weeks)
			.with(Question.PAIN_SEVERITY, severity)
			.with(Question.LEG_PAIN_AVERAGE, legPainAverage)
			.with(Question.BACK_PAIN_AVERAGE, backPainAverage);
	}

	/** The same runner with a question left unanswered. */
	public RunnerFixture without(Question<?> question) {
		Map<Question<?>, Object> changed = new LinkedHashMap<>(this.values);
		changed.remove(question);
		return new RunnerFixture(changed);
	}

	/** The typed answers, unchecked, as the catalogue reads them. */
	public Map<Question<?>, Object> values() {
		return this.values;
	}

	/** The checked answers the rules service takes. */
	public Answers answers() {
		return new Answers(this.values);
	}

	/**
	 * The body of the assessment API: the safety answers as the members of its
	 * {@code safetyCheck} object, the others by name.
	 */
	public String json() {
		List<String> members = new ArrayList<>();
		List<String> safety = new ArrayList<>();
		this.values.forEach((question, value) -> {
			if (question.section() == Question.Section.SAFETY) {
				safety.add("\"" + question.pageName() + "\": " + jsonValue(question, value));
			}
			else {
				members.add("\"" + question.name() + "\": " + jsonValue(question, value));
			}
		});
		if (!safety.isEmpty()) {
			members.add(0, "\"" + Question.SAFETY_CHECK_OBJECT + "\": " + "{" + String.join(", ", safety) + "}");
		}
		return "{" + String.join(", ", members) + "}";
	}

	private static String jsonValue(Question<?> question, Object value) {
		if (value instanceof Collection<?>) {
			return question.texts(value)
				.stream()
				.map((text) -> "\"" + text + "\"")
				.collect(Collectors.joining(",", "[", "]"));
		}
		String text = question.texts(value).get(0);
		return (value instanceof Enum<?>) ? "\"" + text + "\"" : text;
	}

	/**
	 * The questionnaire as a browser posts it, in kilometres: each field's values in page
	 * order (several for a question with any number of answers), with the unit and the
	 * safety step's answers carried along.
	 */
	public Map<String, List<String>> form() {
		Map<String, List<String>> form = new LinkedHashMap<>();
		form.put("unit", List.of("KM"));
		this.values.forEach((question, value) -> {
			// a browser sends nothing for a question with no box ticked
			if (!question.texts(value).isEmpty()) {
				form.put(question.pageName(), question.texts(value));
			}
		});
		return form;
	}

	/**
	 * The questionnaire as {@link Browserless} posts it: one entry a field, several
	 * answers space-separated; a mutable copy to change as a test needs.
	 */
	public Map<String, String> page() {
		Map<String, String> page = new LinkedHashMap<>();
		form().forEach((name, values) -> page.put(name, String.join(" ", values)));
		return page;
	}

	/** The safety step as {@link Browserless} posts it, every question answered "no". */
	public static Map<String, String> safetyNo() {
		Map<String, String> page = new LinkedHashMap<>();
		safetyAllNo().forEach((name, values) -> page.put(name, values.get(0)));
		return page;
	}

	/** The safety step's questions, all answered "no". */
	public static Map<String, List<String>> safetyAllNo() {
		Map<String, List<String>> form = new LinkedHashMap<>();
		Question.SAFETY_CHECK.forEach((question) -> form.put(question.pageName(), List.of("false")));
		return form;
	}

	/** A form as an url-encoded body, with one pair for each value. */
	public static String encode(Map<String, List<String>> form) {
		List<String> pairs = new ArrayList<>();
		form.forEach((name, values) -> values
			.forEach((value) -> pairs.add(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
					+ "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))));
		return String.join("&", pairs);
	}

}
