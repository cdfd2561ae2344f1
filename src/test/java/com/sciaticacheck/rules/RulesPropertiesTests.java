package com.sciaticacheck.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Properties of the shipped rule table that must hold for every valid runner, checked on
 * thousands of random runners. The case table ({@link RulesServiceTests}) pins chosen
 * runners; these tests look for the runners nobody thought of.
 *
 * <p>
 * Generation is seeded: the same seed gives the same runners. A failure names its seed
 * and prints the runner; replay it by running the failing test again with
 * {@code -Drules.seed=<seed>}. Each test draws its variations from the same generator as
 * its runners, so a runner's number holds within the test that printed it.
 */
class RulesPropertiesTests {

	private static final long DEFAULT_SEED = 20261126L;

	private static final long SEED = Long.getLong("rules.seed", DEFAULT_SEED);

	/** Random runners per property. */
	private static final int RUNNERS = 5_000;

	// the limits of a valid runner are the catalogue's; the generator goes up to them

	private static final double MAX_WEEKLY_KM = Question.WEEKLY_DISTANCE_KM.max().doubleValue();

	private static final double MAX_SINGLE_RUN_KM = Question.LONGEST_RUN_KM.max().doubleValue();

	private static final double MIN_WEIGHT_KG = Question.WEIGHT_KG.min().doubleValue();

	private static final double MAX_WEIGHT_KG = Question.WEIGHT_KG.max().doubleValue();

	private final RulesService service = ShippedRuleTable.service();

	// ---- Property 1: every assessment is well formed

	/**
	 * The API and the result page show whatever assess returns: it must answer every
	 * valid runner, with a score on the 0 to 100 scale the texts promise.
	 */
	@Test
	void scoreStaysWithinZeroToHundred() {
		forEachRunner((sample) -> {
			assertThatCode(() -> this.service.assess(sample.runner())).as(sample::replay).doesNotThrowAnyException();
			assertThat(this.service.assess(sample.runner()).score()).as(sample::replay).isBetween(0, 100);
		});
	}

	/** The level shown must be the band the score falls in, as the rule table defines. */
	@Test
	void levelIsTheBandTheScoreFallsIn() {
		List<Band> bands = ShippedRuleTable.table().bands();
		forEachRunner((sample) -> {
			Assessment assessment = this.service.assess(sample.runner());
			int band = bands.indexOf(bands.stream()
				.filter((candidate) -> candidate.level() == assessment.level())
				.findFirst()
				.orElseThrow());
			int upTo = (band + 1 < bands.size()) ? bands.get(band + 1).lowestScore() : Integer.MAX_VALUE;
			assertThat(assessment.score()).as(() -> sample.replay("level " + assessment.level()))
				.isGreaterThanOrEqualTo(bands.get(band).lowestScore())
				.isLessThan(upTo);
		});
	}

	/**
	 * "See a professional" is shown from the flag and the tier from the referral: they
	 * must never disagree.
	 */
	@Test
	void seeProfessionalExactlyWhenThereIsAReferral() {
		forEachRunner((sample) -> {
			Assessment assessment = this.service.assess(sample.runner());
			assertThat(assessment.seeProfessional()).as(() -> sample.replay("referral " + assessment.referral()))
				.isEqualTo(assessment.referral() != Referral.NONE);
		});
	}

	/**
	 * Every point of the score must be explained by a finding shown to the runner, and no
	 * finding may be shown that adds nothing.
	 */
	@Test
	void scoreIsTheCappedSumOfTheFindings() {
		forEachRunner((sample) -> {
			Assessment assessment = this.service.assess(sample.runner());
			assertThat(assessment.findings()).as(() -> sample.replay(assessment.findings().toString()))
				.allSatisfy((finding) -> assertThat(finding.points()).isPositive());
			int sum = assessment.findings().stream().mapToInt(Finding::points).sum();
			assertThat(assessment.score()).as(() -> sample.replay(assessment.findings().toString()))
				.isEqualTo(Math.min(sum, 100));
		});
	}

	// ---- Property 2: monotonic

	/**
	 * A runner who answers one question in a riskier way must never be told they are at
	 * lower risk; otherwise the score would reward, say, taking up smoking.
	 */
	@Test
	void riskierAnswerNeverLowersTheScore() {
		Set<Question<?>> questionsCompared = new LinkedHashSet<>();
		int[] compared = new int[1];
		forEachRunner((sample) -> {
			int score = this.service.assess(sample.runner()).score();
			for (Change change : riskierAnswers(sample.runner(), sample.random())) {
				if (!problems(change.runner()).isEmpty()) {
					continue;
				}
				int riskierScore = this.service.assess(change.runner()).score();
				assertThat(riskierScore)
					.as(() -> sample.replay("scores " + score + ", but after " + change.description() + " "
							+ describe(change.runner()) + " scores " + riskierScore))
					.isGreaterThanOrEqualTo(score);
				questionsCompared.add(change.question());
				compared[0]++;
			}
		});
		assertThat(questionsCompared).as("every question was made riskier at least once")
			.containsExactlyInAnyOrder(Question.SMOKER, Question.CONDITIONS, Question.SYMPTOMS, Question.WARNING_SIGNS,
					Question.UNEVEN_SURFACES, Question.FOOTWEAR, Question.SIDE_TO_SIDE_DIFFERENCE,
					Question.FORM_CONCERNS, Question.PAIN, Question.STRENGTH_SESSIONS_PER_WEEK, Question.WEIGHT_KG,
					Question.LONGEST_RUN_KM, Question.BASELINE_LONGEST_RUN_KM);
		assertThat(compared[0]).isGreaterThan(10 * RUNNERS);
	}

	// ---- Property 3: emergency signs

	/**
	 * Pain down both legs is an emergency on the NHS pathway, whatever else was answered.
	 */
	@Test
	void painInBothLegsCallsForEmergencyCare() {
		forEachRunner((sample) -> {
			Answers bothLegs = withPain(sample.runner(), Pain.BOTH_LEGS, sample.random());
			assertThat(this.service.assess(bothLegs).referral()).as(() -> sample.replay("as " + describe(bothLegs)))
				.isEqualTo(Referral.EMERGENCY);
		});
	}

	// ---- Property 4: urgent signs count only with pain

	// ---- Property 5: determinism

	/**
	 * Results are stored, shared with physios and exported: the same answers must always
	 * give the same assessment, on any instance of the service.
	 */
	@Test
	void sameAnswersGiveTheSameAssessment() {
		RulesService other = ShippedRuleTable.service();
		forEachRunner((sample) -> {
			Assessment first = this.service.assess(sample.runner());
			assertThat(this.service.assess(sample.runner())).as(sample::replay).isEqualTo(first);
			Answers sameAnswers = new Answers(new LinkedHashMap<>(sample.runner().asMap()));
			assertThat(other.assess(sameAnswers)).as(sample::replay).isEqualTo(first);
		});
	}

	// ---- Running a property

	/** One generated runner, and what it takes to replay it. */
	private record Sample(int index, Answers runner, Random random) {

		String replay() {
			return "replay with -Drules.seed=" + SEED + ", runner #" + this.index + ": " + describe(this.runner);
		}

		String replay(String detail) {
			return replay() + "; " + detail;
		}

	}

	/** Runs a check on {@link #RUNNERS} random valid runners from the seed. */
	private static void forEachRunner(Consumer<Sample> check) {
		Random random = new Random(SEED);
		for (int i = 0; i < RUNNERS; i++) {
			Sample sample = new Sample(i, randomRunner(random), random);
			assertThat(problems(sample.runner())).as(sample::replay).isEmpty();
			check.accept(sample);
		}
	}

	// ---- Generating valid runners

	private static Answers randomRunner(Random random) {
		Map<Question<?>, Object> runner = new LinkedHashMap<>();
		runner.put(Question.AGE_YEARS, anyAnswer(random, Question.AGE_YEARS));
		if (random.nextInt(4) > 0) {
			int height = anyAnswer(random, Question.HEIGHT_CM);
			runner.put(Question.HEIGHT_CM, height);
			runner.put(Question.WEIGHT_KG, weight(random, height));
		}
		runner.put(Question.SMOKER, random.nextInt(5) == 0);
		double baselineWeekly = distance(random, MAX_WEEKLY_KM);
		double baselineLongest = baselineLongestRun(random, baselineWeekly);
		double weekly = weeklyDistance(random, baselineWeekly);
		runner.put(Question.BASELINE_WEEKLY_DISTANCE_KM, baselineWeekly);
		runner.put(Question.BASELINE_LONGEST_RUN_KM, baselineLongest);
		runner.put(Question.WEEKLY_DISTANCE_KM, weekly);
		runner.put(Question.LONGEST_RUN_KM, longestRun(random, weekly, baselineLongest));
		runner.put(Question.UNEVEN_SURFACES, oneOf(random, List.of(Surface.values())));
		runner.put(Question.FOOTWEAR, oneOf(random, List.of(Footwear.values())));
		runner.put(Question.STRENGTH_SESSIONS_PER_WEEK,
				random.nextBoolean() ? between(random, 0, 3) : anyAnswer(random, Question.STRENGTH_SESSIONS_PER_WEEK));
		runner.put(Question.SIDE_TO_SIDE_DIFFERENCE, oneOf(random, List.of(SideDifference.values())));
		runner.put(Question.FORM_CONCERNS, oneOf(random, List.of(FormConcern.values())));
		runner.put(Question.CONDITIONS, subset(random, Condition.class, 0.6));
		Pain pain = oneOf(random, List.of(Pain.values()));
		runner.put(Question.PAIN, pain);
		if (pain.present()) {
			runner.put(Question.PAIN_WEEKS, weeksOfPain(random));
			runner.put(Question.PAIN_SEVERITY, anyAnswer(random, Question.PAIN_SEVERITY));
		}
		runner.put(Question.SYMPTOMS, subset(random, Symptom.class, 0.6));
		runner.put(Question.WARNING_SIGNS, subset(random, WarningSign.class, 0.2));
		return new Answers(runner);
	}

	/** Mostly a usual BMI, often on the BMI-30 threshold, sometimes anything allowed. */
	private static double weight(Random random, int heightCm) {
		if (random.nextInt(3) == 0) {
			return tenths(random, MIN_WEIGHT_KG, MAX_WEIGHT_KG);
		}
		double bmi = random.nextBoolean() ? 17 + random.nextDouble() * 18 : oneOf(random, List.of(29.9, 30.0, 30.1));
		double squareMetres = (heightCm / 100.0) * (heightCm / 100.0);
		return Math.max(MIN_WEIGHT_KG, Math.min(MAX_WEIGHT_KG, roundToTenths(bmi * squareMetres)));
	}

	/**
	 * A distance in km: often none, mostly an everyday week (whole or in tenths), up to
	 * the most.
	 */
	private static double distance(Random random, double max) {
		return switch (random.nextInt(5)) {
			case 0 -> 0;
			case 1 -> between(random, 1, (int) Math.min(max, 60));
			case 2, 3 -> tenths(random, 0.1, Math.min(max, 60));
			default -> tenths(random, 0.1, max);
		};
	}

	/**
	 * Positive whenever the 4 weeks before had running; without it, usually none but any
	 * run the 30 days allow.
	 */
	private static double baselineLongestRun(Random random, double baselineWeekly) {
		if (baselineWeekly == 0) {
			return (random.nextInt(10) < 7) ? 0 : tenths(random, 0.1, MAX_SINGLE_RUN_KM);
		}
		double max = (random.nextInt(4) > 0) ? Math.min(MAX_SINGLE_RUN_KM, baselineWeekly) : MAX_SINGLE_RUN_KM;
		return (max >= 1 && random.nextBoolean()) ? between(random, 1, (int) max) : tenths(random, 0.1, max);
	}

	/** Often on or near the 30% weekly-jump threshold, so its boundary gets tested. */
	private static double weeklyDistance(Random random, double baselineWeekly) {
		if (baselineWeekly > 0 && random.nextInt(5) == 0) {
			double factor = oneOf(random, List.of(1.0, 1.29, 1.3, 1.31, 2.0));
			return Math.min(MAX_WEEKLY_KM, roundToTenths(baselineWeekly * factor));
		}
		return distance(random, MAX_WEEKLY_KM);
	}

	/**
	 * Zero exactly when nothing was run, never more than the week; often on or near the
	 * 10% and 100% long-run thresholds.
	 */
	private static double longestRun(Random random, double weekly, double baselineLongest) {
		if (weekly == 0) {
			return 0;
		}
		double max = Math.min(MAX_SINGLE_RUN_KM, weekly);
		if (random.nextInt(4) == 0) {
			double nearThreshold = roundToTenths(
					baselineLongest * oneOf(random, List.of(0.5, 1.0, 1.09, 1.1, 1.11, 2.0, 2.01)));
			if (nearThreshold > 0 && nearThreshold <= max) {
				return nearThreshold;
			}
		}
		return tenths(random, 0.1, max);
	}

	private static int weeksOfPain(Random random) {
		return random.nextBoolean() ? between(random, 0, 8) : anyAnswer(random, Question.PAIN_WEEKS);
	}

	/**
	 * Any subset: a third of runners have none at all, the others each answer with a
	 * chance of up to {@code maxChance}.
	 */
	private static <E extends Enum<E>> Set<E> subset(Random random, Class<E> type, double maxChance) {
		Set<E> subset = EnumSet.noneOf(type);
		if (random.nextInt(3) > 0) {
			double chance = random.nextDouble() * maxChance;
			for (E value : type.getEnumConstants()) {
				if (random.nextDouble() < chance) {
					subset.add(value);
				}
			}
		}
		return subset;
	}

	private static <T> T oneOf(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static int between(Random random, int min, int max) {
		return min + random.nextInt(max - min + 1);
	}

	/** Any whole number the question allows. */
	private static int anyAnswer(Random random, Question<Integer> question) {
		return between(random, question.min().intValue(), question.max().intValue());
	}

	/** A number from min to max, both included, in steps of 0.1. */
	private static double tenths(Random random, double min, double max) {
		int lowest = (int) Math.round(min * 10);
		int highest = (int) Math.round(max * 10);
		return between(random, lowest, highest) / 10.0;
	}

	private static double roundToTenths(double value) {
		return Math.round(value * 10) / 10.0;
	}

	// ---- Riskier answers

	/** One answer changed: which question, how, and the runner it gives. */
	private record Change(Question<?> question, String description, Answers runner) {
	}

	/** Every single-answer change of the runner that is riskier, one answer at a time. */
	private static List<Change> riskierAnswers(Answers base, Random random) {
		List<Change> changes = new ArrayList<>();
		if (!base.get(Question.SMOKER)) {
			changes.add(change(base, Question.SMOKER, "false -> true", true));
		}
		for (Condition condition : missing(base.get(Question.CONDITIONS), Condition.class)) {
			changes.add(
					change(base, Question.CONDITIONS, "+" + condition, plus(base.get(Question.CONDITIONS), condition)));
		}
		for (Symptom symptom : missing(base.get(Question.SYMPTOMS), Symptom.class)) {
			changes.add(change(base, Question.SYMPTOMS, "+" + symptom, plus(base.get(Question.SYMPTOMS), symptom)));
		}
		for (WarningSign sign : missing(base.get(Question.WARNING_SIGNS), WarningSign.class)) {
			changes.add(change(base, Question.WARNING_SIGNS, "+" + sign, plus(base.get(Question.WARNING_SIGNS), sign)));
		}
		addRiskierOptions(base, Question.UNEVEN_SURFACES, changes);
		addRiskierOptions(base, Question.FOOTWEAR, changes);
		addRiskierOptions(base, Question.SIDE_TO_SIDE_DIFFERENCE, changes);
		addRiskierOptions(base, Question.FORM_CONCERNS, changes);
		for (Pain pain : riskierThan(base.get(Question.PAIN))) {
			Answers withPain = withPain(base, pain, random);
			changes.add(new Change(Question.PAIN,
					Question.PAIN + " " + base.get(Question.PAIN) + " -> " + pain + " (weeks "
							+ withPain.get(Question.PAIN_WEEKS) + ", severity " + withPain.get(Question.PAIN_SEVERITY)
							+ ")",
					withPain));
		}
		int strength = base.get(Question.STRENGTH_SESSIONS_PER_WEEK);
		if (strength > 0) {
			int fewer = between(random, 0, strength - 1);
			changes.add(change(base, Question.STRENGTH_SESSIONS_PER_WEEK, strength + " -> " + fewer, fewer));
		}
		Double weight = base.get(Question.WEIGHT_KG);
		if (weight != null && weight < MAX_WEIGHT_KG) {
			double heavier = tenths(random, weight + 0.1, MAX_WEIGHT_KG);
			changes.add(change(base, Question.WEIGHT_KG, weight + " -> " + heavier, heavier));
		}
		double longest = base.get(Question.LONGEST_RUN_KM);
		double baseWeekly = base.get(Question.WEEKLY_DISTANCE_KM);
		if (longest < MAX_SINGLE_RUN_KM) {
			double longer = random.nextBoolean()
					? Math.min(MAX_SINGLE_RUN_KM, roundToTenths(longest + tenths(random, 0.1, 3)))
					: tenths(random, longest + 0.1, MAX_SINGLE_RUN_KM);
			double weekly = Math.max(baseWeekly, longer);
			changes.add(new Change(Question.LONGEST_RUN_KM,
					Question.LONGEST_RUN_KM + " " + longest + " -> " + longer + " (weekly " + baseWeekly + " -> "
							+ weekly + ")",
					base.with(Question.LONGEST_RUN_KM, longer).with(Question.WEEKLY_DISTANCE_KM, weekly)));
		}
		double baselineLongest = base.get(Question.BASELINE_LONGEST_RUN_KM);
		if (baselineLongest > 0.1) {
			double shorter = tenths(random, 0.1, baselineLongest - 0.1);
			changes.add(change(base, Question.BASELINE_LONGEST_RUN_KM, baselineLongest + " -> " + shorter, shorter));
		}
		return changes;
	}

	/** Each riskier option of a question whose options are ordered from least risky. */
	private static <E extends Enum<E>> void addRiskierOptions(Answers base, Question<E> question,
			List<Change> changes) {
		E answer = base.get(question);
		for (E riskier : riskierThan(answer)) {
			changes.add(change(base, question, answer + " -> " + riskier, riskier));
		}
	}

	private static <T> Change change(Answers base, Question<T> question, String how, T value) {
		return new Change(question, question + " " + how, base.with(question, value));
	}

	private static <E extends Enum<E>> List<E> riskierThan(E answer) {
		return Arrays.stream(answer.getDeclaringClass().getEnumConstants())
			.filter((other) -> other.ordinal() > answer.ordinal())
			.toList();
	}

	private static <E extends Enum<E>> EnumSet<E> copyOf(Set<E> values, Class<E> type) {
		EnumSet<E> copy = EnumSet.noneOf(type);
		copy.addAll(values);
		return copy;
	}

	/** The answers of a set question that were not given. */
	private static <E extends Enum<E>> Set<E> missing(Set<E> given, Class<E> type) {
		return EnumSet.complementOf(copyOf(given, type));
	}

	/** A set answer with one more option. */
	private static <E> Set<E> plus(Set<E> given, E option) {
		Set<E> more = new LinkedHashSet<>(given);
		more.add(option);
		return more;
	}

	/** A set answer without some options. */
	private static <E> Set<E> minus(Set<E> given, Collection<E> options) {
		Set<E> fewer = new LinkedHashSet<>(given);
		fewer.removeAll(options);
		return fewer;
	}

	/**
	 * The runner with another pain answer, with weeks and severity exactly when in pain.
	 */
	private static Answers withPain(Answers base, Pain pain, Random random) {
		int weeks = weeksOfPain(random);
		int severity = anyAnswer(random, Question.PAIN_SEVERITY);
		Map<Question<?>, Object> runner = new LinkedHashMap<>(base.asMap());
		if (!pain.present()) {
			runner.remove(Question.PAIN_WEEKS);
			runner.remove(Question.PAIN_SEVERITY);
		}
		else if (!base.get(Question.PAIN).present()) {
			runner.put(Question.PAIN_WEEKS, weeks);
			runner.put(Question.PAIN_SEVERITY, severity);
		}
		runner.put(Question.PAIN, pain);
		return new Answers(runner);
	}

	// ---- What a valid runner is

	/**
	 * Why the API and the questionnaire would refuse these answers: the one definition of
	 * a valid runner, {@link AnswerCheck}; empty for a valid runner.
	 */
	private static List<AnswerCheck.Problem> problems(Answers runner) {
		return AnswerCheck.problems(runner.asMap());
	}

	/**
	 * A runner's answers for a failure message, written as in {@code risk-cases.csv}: a
	 * generated runner is test data, which {@link Answers#toString()} does not show.
	 */
	private static String describe(Answers runner) {
		Map<String, String> cells = new LinkedHashMap<>();
		runner.asMap().forEach((question, value) -> {
			List<String> texts = question.texts(value);
			cells.put(question.name(), texts.isEmpty() ? "-" : String.join(" ", texts));
		});
		return cells.toString();
	}

}
