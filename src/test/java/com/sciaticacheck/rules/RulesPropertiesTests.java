package com.sciaticacheck.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
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

	private static final double MAX_WEEKLY_KM = 400;

	private static final double MAX_SINGLE_RUN_KM = 250;

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
		Set<String> questionsCompared = new LinkedHashSet<>();
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
							+ change.runner() + " scores " + riskierScore))
					.isGreaterThanOrEqualTo(score);
				questionsCompared.add(change.question());
				compared[0]++;
			}
		});
		assertThat(questionsCompared).as("every question was made riskier at least once")
			.containsExactlyInAnyOrder("smoker", "conditions", "symptoms", "warningSigns", "unevenSurfaces", "footwear",
					"sideToSideDifference", "formConcerns", "pain", "strengthSessionsPerWeek", "weightKg",
					"longestRunKm", "baselineLongestRunKm");
		assertThat(compared[0]).isGreaterThan(10 * RUNNERS);
	}

	// ---- Property 3: emergency signs

	/**
	 * A possible cauda equina syndrome or infection must send the runner to emergency
	 * care whatever else they answered: no score or other answer may hide it.
	 */
	@Test
	void anyEmergencySignCallsForEmergencyCare() {
		forEachRunner((sample) -> {
			for (WarningSign sign : WarningSign.emergencySigns()) {
				Answers withSign = changed(sample.runner(), (runner) -> runner.warningSigns.add(sign));
				assertThat(this.service.assess(withSign).referral()).as(() -> sample.replay("with " + sign))
					.isEqualTo(Referral.EMERGENCY);
			}
		});
	}

	/**
	 * Pain down both legs is an emergency on the NHS pathway, whatever else was answered.
	 */
	@Test
	void painInBothLegsCallsForEmergencyCare() {
		forEachRunner((sample) -> {
			Answers bothLegs = withPain(sample.runner(), Pain.BOTH_LEGS, sample.random());
			assertThat(this.service.assess(bothLegs).referral()).as(() -> sample.replay("as " + bothLegs))
				.isEqualTo(Referral.EMERGENCY);
		});
	}

	// ---- Property 4: urgent signs count only with pain

	/**
	 * An urgent red flag (cancer history, trauma, ...) together with current back or leg
	 * pain must be seen urgently, even when the score is low.
	 */
	@Test
	void urgentSignWithPainCallsForUrgentCare() {
		forEachRunner((sample) -> {
			Random random = sample.random();
			Pain pain = random.nextBoolean() ? Pain.BACK_ONLY : Pain.ONE_LEG;
			WarningSign sign = oneOf(random, WarningSign.urgentSigns());
			Answers urgent = changed(withPain(sample.runner(), pain, random), (runner) -> {
				runner.warningSigns.removeAll(WarningSign.emergencySigns());
				runner.warningSigns.add(sign);
			});
			assertThat(problems(urgent)).as(() -> sample.replay("as " + urgent)).isEmpty();
			assertThat(this.service.assess(urgent).referral()).as(() -> sample.replay("as " + urgent))
				.isEqualTo(Referral.URGENT);
		});
	}

	/**
	 * Urgent signs are red flags only together with pain: a runner without pain or an
	 * emergency sign is not sent to a professional, so the check does not alarm the well.
	 */
	@Test
	void noPainAndNoEmergencySignMeansNoReferral() {
		forEachRunner((sample) -> {
			Random random = sample.random();
			boolean addUrgentSign = random.nextBoolean();
			WarningSign sign = oneOf(random, WarningSign.urgentSigns());
			Answers painFree = changed(withPain(sample.runner(), Pain.NONE, random), (runner) -> {
				runner.warningSigns.removeAll(WarningSign.emergencySigns());
				if (addUrgentSign) {
					runner.warningSigns.add(sign);
				}
			});
			assertThat(problems(painFree)).as(() -> sample.replay("as " + painFree)).isEmpty();
			assertThat(this.service.assess(painFree).referral()).as(() -> sample.replay("as " + painFree))
				.isEqualTo(Referral.NONE);
		});
	}

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
			Answers sameAnswers = Runner.from(sample.runner()).answers();
			assertThat(other.assess(sameAnswers)).as(sample::replay).isEqualTo(first);
		});
	}

	// ---- Running a property

	/** One generated runner, and what it takes to replay it. */
	private record Sample(int index, Answers runner, Random random) {

		String replay() {
			return "replay with -Drules.seed=" + SEED + ", runner #" + this.index + ": " + this.runner;
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
		Runner runner = new Runner();
		runner.age = between(random, 16, 100);
		if (random.nextInt(4) > 0) {
			runner.height = between(random, 120, 230);
			runner.weight = weight(random, runner.height);
		}
		runner.smoker = random.nextInt(5) == 0;
		runner.baselineWeekly = distance(random, MAX_WEEKLY_KM);
		runner.baselineLongest = baselineLongestRun(random, runner.baselineWeekly);
		runner.weekly = weeklyDistance(random, runner.baselineWeekly);
		runner.longest = longestRun(random, runner.weekly, runner.baselineLongest);
		runner.surfaces = oneOf(random, List.of(Surface.values()));
		runner.footwear = oneOf(random, List.of(Footwear.values()));
		runner.strength = random.nextBoolean() ? between(random, 0, 3) : between(random, 0, 14);
		runner.side = oneOf(random, List.of(SideDifference.values()));
		runner.form = oneOf(random, List.of(FormConcern.values()));
		runner.conditions = subset(random, Condition.class, 0.6);
		runner.pain = oneOf(random, List.of(Pain.values()));
		if (runner.pain.present()) {
			runner.painWeeks = painWeeks(random);
			runner.painSeverity = between(random, 0, 10);
		}
		runner.symptoms = subset(random, Symptom.class, 0.6);
		runner.warningSigns = subset(random, WarningSign.class, 0.2);
		return runner.answers();
	}

	/** Mostly a usual BMI, often on the BMI-30 threshold, sometimes anything allowed. */
	private static double weight(Random random, int heightCm) {
		if (random.nextInt(3) == 0) {
			return tenths(random, 30, 250);
		}
		double bmi = random.nextBoolean() ? 17 + random.nextDouble() * 18 : oneOf(random, List.of(29.9, 30.0, 30.1));
		double squareMetres = (heightCm / 100.0) * (heightCm / 100.0);
		return Math.max(30, Math.min(250, roundToTenths(bmi * squareMetres)));
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

	private static int painWeeks(Random random) {
		return random.nextBoolean() ? between(random, 0, 8) : between(random, 0, 520);
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
	private record Change(String question, String description, Answers runner) {
	}

	/** Every single-answer change of the runner that is riskier, one answer at a time. */
	private static List<Change> riskierAnswers(Answers base, Random random) {
		List<Change> changes = new ArrayList<>();
		if (!base.smoker()) {
			changes.add(change(base, "smoker", "false -> true", (runner) -> runner.smoker = true));
		}
		for (Condition condition : missing(base.conditions(), Condition.class)) {
			changes.add(change(base, "conditions", "+" + condition, (runner) -> runner.conditions.add(condition)));
		}
		for (Symptom symptom : missing(base.symptoms(), Symptom.class)) {
			changes.add(change(base, "symptoms", "+" + symptom, (runner) -> runner.symptoms.add(symptom)));
		}
		for (WarningSign sign : missing(base.warningSigns(), WarningSign.class)) {
			changes.add(change(base, "warningSigns", "+" + sign, (runner) -> runner.warningSigns.add(sign)));
		}
		for (Surface surfaces : riskierThan(base.unevenSurfaces())) {
			changes.add(change(base, "unevenSurfaces", base.unevenSurfaces() + " -> " + surfaces,
					(runner) -> runner.surfaces = surfaces));
		}
		for (Footwear footwear : riskierThan(base.footwear())) {
			changes.add(change(base, "footwear", base.footwear() + " -> " + footwear,
					(runner) -> runner.footwear = footwear));
		}
		for (SideDifference side : riskierThan(base.sideToSideDifference())) {
			changes.add(change(base, "sideToSideDifference", base.sideToSideDifference() + " -> " + side,
					(runner) -> runner.side = side));
		}
		for (FormConcern form : riskierThan(base.formConcerns())) {
			changes
				.add(change(base, "formConcerns", base.formConcerns() + " -> " + form, (runner) -> runner.form = form));
		}
		for (Pain pain : riskierThan(base.pain())) {
			Answers withPain = withPain(base, pain, random);
			changes.add(new Change("pain", base.pain() + " -> " + pain + " (weeks " + withPain.painWeeks()
					+ ", severity " + withPain.painSeverity() + ")", withPain));
		}
		if (base.strengthSessionsPerWeek() > 0) {
			int fewer = between(random, 0, base.strengthSessionsPerWeek() - 1);
			changes.add(change(base, "strengthSessionsPerWeek", base.strengthSessionsPerWeek() + " -> " + fewer,
					(runner) -> runner.strength = fewer));
		}
		if (base.weightKg() != null && base.weightKg() < 250) {
			double heavier = tenths(random, base.weightKg() + 0.1, 250);
			changes
				.add(change(base, "weightKg", base.weightKg() + " -> " + heavier, (runner) -> runner.weight = heavier));
		}
		if (base.longestRunKm() < MAX_SINGLE_RUN_KM) {
			double longer = random.nextBoolean()
					? Math.min(MAX_SINGLE_RUN_KM, roundToTenths(base.longestRunKm() + tenths(random, 0.1, 3)))
					: tenths(random, base.longestRunKm() + 0.1, MAX_SINGLE_RUN_KM);
			double weekly = Math.max(base.weeklyDistanceKm(), longer);
			changes.add(change(base, "longestRunKm", base.longestRunKm() + " -> " + longer + " (weekly "
					+ base.weeklyDistanceKm() + " -> " + weekly + ")", (runner) -> {
						runner.longest = longer;
						runner.weekly = weekly;
					}));
		}
		if (base.baselineLongestRunKm() > 0.1) {
			double shorter = tenths(random, 0.1, base.baselineLongestRunKm() - 0.1);
			changes.add(change(base, "baselineLongestRunKm", base.baselineLongestRunKm() + " -> " + shorter,
					(runner) -> runner.baselineLongest = shorter));
		}
		return changes;
	}

	private static Change change(Answers base, String question, String how, Consumer<Runner> change) {
		return new Change(question, question + " " + how, changed(base, change));
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

	/**
	 * The runner with another pain answer, with weeks and severity exactly when in pain.
	 */
	private static Answers withPain(Answers base, Pain pain, Random random) {
		int weeks = painWeeks(random);
		int severity = between(random, 0, 10);
		return changed(base, (runner) -> {
			if (!pain.present()) {
				runner.painWeeks = null;
				runner.painSeverity = null;
			}
			else if (!runner.pain.present()) {
				runner.painWeeks = weeks;
				runner.painSeverity = severity;
			}
			runner.pain = pain;
		});
	}

	private static Answers changed(Answers base, Consumer<Runner> change) {
		Runner runner = Runner.from(base);
		change.accept(runner);
		return runner.answers();
	}

	// ---- What a valid runner is

	/**
	 * Why the API would refuse these answers: its ranges and {@link AnswerConsistency};
	 * empty for a valid runner.
	 */
	private static List<String> problems(Answers runner) {
		List<String> problems = new ArrayList<>();
		require(problems, runner.ageYears() >= 16 && runner.ageYears() <= 100, "age 16..100");
		require(problems, (runner.heightCm() == null) == (runner.weightKg() == null), "height and weight together");
		require(problems, runner.heightCm() == null || (runner.heightCm() >= 120 && runner.heightCm() <= 230),
				"height 120..230");
		require(problems, runner.weightKg() == null || (runner.weightKg() >= 30 && runner.weightKg() <= 250),
				"weight 30..250");
		require(problems, within(runner.weeklyDistanceKm(), MAX_WEEKLY_KM), "weekly 0..400");
		require(problems, within(runner.baselineWeeklyDistanceKm(), MAX_WEEKLY_KM), "baseline weekly 0..400");
		require(problems, within(runner.longestRunKm(), MAX_SINGLE_RUN_KM), "longest run 0..250");
		require(problems, within(runner.baselineLongestRunKm(), MAX_SINGLE_RUN_KM), "baseline longest run 0..250");
		require(problems, runner.longestRunKm() <= runner.weeklyDistanceKm(), "longest run within the week");
		require(problems, (runner.longestRunKm() == 0) == (runner.weeklyDistanceKm() == 0),
				"longest run zero exactly when nothing was run");
		require(problems, runner.baselineWeeklyDistanceKm() == 0 || runner.baselineLongestRunKm() > 0,
				"baseline longest run with baseline running");
		require(problems, runner.strengthSessionsPerWeek() >= 0 && runner.strengthSessionsPerWeek() <= 14,
				"strength 0..14");
		if (runner.pain().present()) {
			require(problems, runner.painWeeks() != null && runner.painWeeks() >= 0 && runner.painWeeks() <= 520,
					"pain weeks 0..520");
			require(problems,
					runner.painSeverity() != null && runner.painSeverity() >= 0 && runner.painSeverity() <= 10,
					"pain severity 0..10");
		}
		else {
			require(problems, runner.painWeeks() == null && runner.painSeverity() == null,
					"no pain weeks or severity without pain");
		}
		AnswerConsistency
			.check(runner.heightCm(), runner.weightKg(), runner.weeklyDistanceKm(), runner.longestRunKm(),
					runner.baselineWeeklyDistanceKm(), runner.baselineLongestRunKm(), runner.pain(), runner.painWeeks(),
					runner.painSeverity())
			.forEach((problem) -> problems.add(problem.messageKey()));
		return problems;
	}

	private static boolean within(double distance, double max) {
		return distance >= 0 && distance <= max;
	}

	private static void require(List<String> problems, boolean holds, String rule) {
		if (!holds) {
			problems.add(rule);
		}
	}

	/**
	 * A mutable copy of a runner's answers, so that one answer can be changed at a time.
	 */
	private static final class Runner {

		int age;

		Integer height;

		Double weight;

		boolean smoker;

		double weekly;

		double baselineWeekly;

		double longest;

		double baselineLongest;

		Surface surfaces = Surface.NONE;

		Footwear footwear = Footwear.GOOD;

		int strength;

		SideDifference side = SideDifference.NONE;

		FormConcern form = FormConcern.NONE;

		Set<Condition> conditions = EnumSet.noneOf(Condition.class);

		Pain pain = Pain.NONE;

		Integer painWeeks;

		Integer painSeverity;

		Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);

		Set<WarningSign> warningSigns = EnumSet.noneOf(WarningSign.class);

		static Runner from(Answers answers) {
			Runner runner = new Runner();
			runner.age = answers.ageYears();
			runner.height = answers.heightCm();
			runner.weight = answers.weightKg();
			runner.smoker = answers.smoker();
			runner.weekly = answers.weeklyDistanceKm();
			runner.baselineWeekly = answers.baselineWeeklyDistanceKm();
			runner.longest = answers.longestRunKm();
			runner.baselineLongest = answers.baselineLongestRunKm();
			runner.surfaces = answers.unevenSurfaces();
			runner.footwear = answers.footwear();
			runner.strength = answers.strengthSessionsPerWeek();
			runner.side = answers.sideToSideDifference();
			runner.form = answers.formConcerns();
			runner.conditions = copyOf(answers.conditions(), Condition.class);
			runner.pain = answers.pain();
			runner.painWeeks = answers.painWeeks();
			runner.painSeverity = answers.painSeverity();
			runner.symptoms = copyOf(answers.symptoms(), Symptom.class);
			runner.warningSigns = copyOf(answers.warningSigns(), WarningSign.class);
			return runner;
		}

		Answers answers() {
			return new Answers(this.age, this.height, this.weight, this.smoker, this.weekly, this.baselineWeekly,
					this.longest, this.baselineLongest, this.surfaces, this.footwear, this.strength, this.side,
					this.form, this.conditions, this.pain, this.painWeeks, this.painSeverity, this.symptoms,
					this.warningSigns);
		}

	}

}
