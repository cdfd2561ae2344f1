package com.sciaticacheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One assessment by the rules service on the shipped rule table: a typical runner (a few
 * findings) and a worst case (every rule fires, every safety answer yes, every warning
 * sign and symptom). Target: under 5 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RulesBenchmark {

	private RulesService rules;

	private Answers typical;

	private Answers worstCase;

	@Setup
	public void setUp() throws IOException {
		try (InputStream in = RulesBenchmark.class.getResourceAsStream("/rules/risk-rules.md")) {
			this.rules = new RulesService(
					RuleTableParser.parse("risk-rules.md", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		this.typical = runner(safetyAnswers(false), answer(Question.AGE_YEARS, 38), answer(Question.HEIGHT_CM, 178),
				answer(Question.WEIGHT_KG, 74.0), answer(Question.SMOKER, false),
				answer(Question.WEEKLY_DISTANCE_KM, 34.0), answer(Question.BASELINE_WEEKLY_DISTANCE_KM, 30.0),
				answer(Question.LONGEST_RUN_KM, 15.0), answer(Question.BASELINE_LONGEST_RUN_KM, 12.0),
				answer(Question.INTENSITY_CHANGE, IntensityChange.SOME_MORE),
				answer(Question.UNEVEN_SURFACES, Surface.SOME), answer(Question.FOOTWEAR, Footwear.GOOD),
				answer(Question.STRENGTH_SESSIONS_PER_WEEK, 0),
				answer(Question.SIDE_TO_SIDE_DIFFERENCE, SideDifference.SLIGHT),
				answer(Question.FORM_CONCERNS, FormConcern.UNSURE),
				answer(Question.CONDITIONS, EnumSet.of(Condition.PREVIOUS_BACK_PAIN)),
				answer(Question.PAIN, Pain.ONE_LEG), answer(Question.PAIN_WEEKS, 6), answer(Question.PAIN_SEVERITY, 4),
				answer(Question.SYMPTOMS, EnumSet.of(Symptom.WORSE_WHEN_RUNNING)),
				answer(Question.WARNING_SIGNS, EnumSet.noneOf(WarningSign.class)));
		this.worstCase = runner(safetyAnswers(true), answer(Question.AGE_YEARS, 60), answer(Question.HEIGHT_CM, 170),
				answer(Question.WEIGHT_KG, 95.0), answer(Question.SMOKER, true),
				answer(Question.PREGNANT_OR_POSTPARTUM, true),
				answer(Question.WEEKLY_DISTANCE_KM, 60.0), answer(Question.BASELINE_WEEKLY_DISTANCE_KM, 0.0),
				answer(Question.LONGEST_RUN_KM, 30.0), answer(Question.BASELINE_LONGEST_RUN_KM, 0.0),
				answer(Question.INTENSITY_CHANGE, IntensityChange.MUCH_MORE),
				answer(Question.UNEVEN_SURFACES, Surface.MOST), answer(Question.FOOTWEAR, Footwear.NOT_RUNNING_SHOES),
				answer(Question.STRENGTH_SESSIONS_PER_WEEK, 0),
				answer(Question.SIDE_TO_SIDE_DIFFERENCE, SideDifference.CLEAR),
				answer(Question.FORM_CONCERNS, FormConcern.YES),
				answer(Question.CONDITIONS, EnumSet.allOf(Condition.class)), answer(Question.PAIN, Pain.BOTH_LEGS),
				answer(Question.PAIN_WEEKS, 12), answer(Question.PAIN_SEVERITY, 9),
				answer(Question.SYMPTOMS, EnumSet.allOf(Symptom.class)),
				answer(Question.WARNING_SIGNS, EnumSet.copyOf(Arrays.stream(WarningSign.values())
					.filter((sign) -> !sign.retired())
					.toList())));
	}

	/** Answers the app would accept, so the benchmark times what really runs. */
	@SafeVarargs
	private static Answers runner(Map<Question<?>, Object> safety, Map.Entry<Question<?>, Object>... answers) {
		Map<Question<?>, Object> values = new HashMap<>(safety);
		values.putAll(Map.ofEntries(answers));
		List<AnswerCheck.Problem> problems = AnswerCheck.problems(values);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Not a valid runner: " + problems);
		}
		return new Answers(values);
	}

	/** The six safety answers, all the same. */
	private static Map<Question<?>, Object> safetyAnswers(boolean yes) {
		Map<Question<?>, Object> safety = new HashMap<>();
		Question.SAFETY_CHECK.forEach((question) -> safety.put(question, yes));
		return safety;
	}

	/** One answer, typed by its question. */
	private static <T> Map.Entry<Question<?>, Object> answer(Question<T> question, T value) {
		return Map.entry(question, value);
	}

	@Benchmark
	public Assessment typicalRunner() {
		return this.rules.assess(this.typical);
	}

	@Benchmark
	public Assessment worstCaseRunner() {
		return this.rules.assess(this.worstCase);
	}

}
