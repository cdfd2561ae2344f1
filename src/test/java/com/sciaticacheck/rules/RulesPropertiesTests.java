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
import java.util.function.Supplier;

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

	/**
	 * Signs in one leg that count with or without pain; the other symptoms describe pain.
	 */
	private static final Set<Symptom> NERVE_SYMPTOMS = EnumSet.of(Symptom.NUMBNESS_OR_TINGLING, Symptom.LEG_WEAKNESS);

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
	 * "See a professional" is shown from the flag, the tier from the referral and the why
	 * from the reasons: they must never disagree, and every reason shown must be one the
	 * winning tier can give.
	 */
	@Test
	void seeProfessionalWithReasonsExactlyWhenThereIsAReferral() {
		Map<Referral, List<String>> reasonsByTier = this.service.reasonKeysByTier();
		forEachRunner((sample) -> {
			Assessment assessment = this.service.assess(sample.runner());
			Supplier<String> replay = () -> sample
				.replay("referral " + assessment.referral() + " " + assessment.referralReasonKeys());
			assertThat(assessment.seeProfessional()).as(replay).isEqualTo(assessment.referral() != Referral.NONE);
			assertThat(assessment.referralReasonKeys().isEmpty()).as(replay)
				.isEqualTo(assessment.referral() == Referral.NONE);
			assertThat(reasonsByTier.getOrDefault(assessment.referral(), List.of())).as(replay)
				.containsAll(assessment.referralReasonKeys());
		});
	}

	// ---- Property 2: the hit policy

	/**
	 * Points follow the grade and nothing else (clinical basis, section 2): a row whose
	 * points are not its grade's would weigh one study type against another.
	 */
	@Test
	void everyRowsPointsAreItsGradesPoints() {
		RuleTable table = ShippedRuleTable.table();
		assertThat(table.gradePoints()).containsOnlyKeys(Evidence.values());
		assertThat(table.rules()).allSatisfy(
				(rule) -> assertThat(rule.points()).as(rule.id()).isEqualTo(table.gradePoints().get(rule.evidence())));
	}

	/**
	 * The findings are exactly the rules whose condition holds, in table order; within a
	 * group only one adds points, the most any of the group's matches would add (the
	 * first in the table on a tie), and the others add none and name it. One exposure
	 * ticked several ways counts once.
	 */
	@Test
	void withinEachGroupOneFindingAddsTheHighestPointsOfItsMatches() {
		List<Rule> rules = ShippedRuleTable.table().rules();
		forEachRunner((sample) -> {
			Assessment assessment = this.service.assess(sample.runner());
			Supplier<String> replay = () -> sample.replay(assessment.findings().toString());
			List<Rule> matched = rules.stream().filter((rule) -> rule.matches(sample.runner())).toList();
			assertThat(assessment.findings()).extracting(Finding::ruleId)
				.as(replay)
				.containsExactlyElementsOf(matched.stream().map(Rule::id).toList());
			for (Group group : Group.values()) {
				List<Rule> groupMatches = matched.stream().filter((rule) -> rule.group() == group).toList();
				List<Finding> groupFindings = assessment.findings()
					.stream()
					.filter((finding) -> finding.group() == group)
					.toList();
				List<Finding> counted = groupFindings.stream().filter(Finding::addsPoints).toList();
				if (groupMatches.isEmpty()) {
					assertThat(groupFindings).as(replay).isEmpty();
					continue;
				}
				int most = groupMatches.stream().mapToInt(Rule::points).max().orElseThrow();
				Rule first = groupMatches.stream().filter((rule) -> rule.points() == most).findFirst().orElseThrow();
				assertThat(counted).as(replay).singleElement().satisfies((finding) -> {
					assertThat(finding.ruleId()).isEqualTo(first.id());
					assertThat(finding.points()).isEqualTo(most).isPositive();
				});
				assertThat(groupFindings.stream().filter((finding) -> !finding.addsPoints())).as(replay)
					.allSatisfy((finding) -> {
						assertThat(finding.points()).isZero();
						assertThat(finding.countedWith()).isEqualTo(first.id());
					});
			}
		});
	}

	/**
	 * Every point of the score must be explained by a finding shown to the runner: the
	 * score is the sum of what the counted findings add, capped at 100.
	 */
	@Test
	void scoreIsTheCappedSumOfTheCountedFindings() {
		forEachRunner((sample) -> {
			Assessment assessment = this.service.assess(sample.runner());
			int sum = assessment.findings().stream().filter(Finding::addsPoints).mapToInt(Finding::points).sum();
			assertThat(assessment.findings().stream().filter((finding) -> !finding.addsPoints()))
				.as(() -> sample.replay(assessment.findings().toString()))
				.allSatisfy((finding) -> assertThat(finding.points()).isZero());
			assertThat(assessment.score()).as(() -> sample.replay(assessment.findings().toString()))
				.isEqualTo(Math.min(sum, RulesService.MAX_SCORE));
		});
	}

	// ---- Property 3: the score counts risk factors only

	/**
	 * The safety check, pain (where, how long, how bad), symptoms and warning signs
	 * decide the tier and never the score (clinical basis, section 2); nor do age and
	 * pregnancy, which the table does not score either. Each is changed on its own, then
	 * all at once.
	 */
	@Test
	void tierOnlyAnswersNeverChangeTheScore() {
		int[] compared = new int[1];
		forEachRunner((sample) -> {
			Answers runner = sample.runner();
			Random random = sample.random();
			Assessment before = this.service.assess(runner);
			Answers otherSafety = withSafety(runner, safetyAnswers(random, true));
			Answers otherPain = withPain(runner, oneOf(random, List.of(Pain.values())), random, true);
			Answers otherSymptoms = runner.with(Question.SYMPTOMS, symptoms(random, runner.get(Question.PAIN), 0.8));
			Answers otherSigns = runner.with(Question.WARNING_SIGNS,
					warningSigns(random, runner.get(Question.PAIN), 0.8));
			Answers otherAge = runner.with(Question.AGE_YEARS, anyAnswer(random, Question.AGE_YEARS));
			Answers otherPregnancy = runner.with(Question.PREGNANT_OR_POSTPARTUM, random.nextBoolean());
			Answers inOtherPain = withPain(runner, oneOf(random, List.of(Pain.values())), random, true);
			Answers allAtOnce = withSafety(
					inOtherPain.with(Question.SYMPTOMS, symptoms(random, inOtherPain.get(Question.PAIN), 0.8)),
					safetyAnswers(random, true));
			allAtOnce = allAtOnce.with(Question.WARNING_SIGNS, warningSigns(random, allAtOnce.get(Question.PAIN), 0.8))
				.with(Question.AGE_YEARS, anyAnswer(random, Question.AGE_YEARS))
				.with(Question.PREGNANT_OR_POSTPARTUM, random.nextBoolean());
			for (Answers other : List.of(otherSafety, otherPain, otherSymptoms, otherSigns, otherAge, otherPregnancy,
					allAtOnce)) {
				assertThat(problems(other)).as(() -> sample.replay("as " + describe(other))).isEmpty();
				Assessment after = this.service.assess(other);
				assertThat(List.of(after.score(), after.level(), after.findings()))
					.as(() -> sample.replay("scores " + before.score() + ", but as " + describe(other) + " scores "
							+ after.score() + " " + after.findings()))
					.isEqualTo(List.of(before.score(), before.level(), before.findings()));
				compared[0]++;
			}
		});
		assertThat(compared[0]).isEqualTo(7 * RUNNERS);
	}

	/**
	 * The answers a physio follows over time (leg and back pain on average over the last
	 * 7 days, and how the runner is compared with their last check) decide nothing: the
	 * tier keeps to pain now and how bad it is at its worst, and the score to risk
	 * factors. Each is given on its own, then all at once, from none to the worst.
	 */
	@Test
	void followUpAnswersChangeNeitherTheTierNorTheScore() {
		int[] compared = new int[1];
		forEachRunner((sample) -> {
			Answers runner = sample.runner();
			Random random = sample.random();
			Assessment before = this.service.assess(runner);
			int leg = anyAnswer(random, Question.LEG_PAIN_AVERAGE);
			int back = anyAnswer(random, Question.BACK_PAIN_AVERAGE);
			ChangeSinceLastCheck change = oneOf(random, List.of(ChangeSinceLastCheck.values()));
			Answers allAtOnce = runner.with(Question.LEG_PAIN_AVERAGE, leg)
				.with(Question.BACK_PAIN_AVERAGE, back)
				.with(Question.CHANGE_SINCE_LAST_CHECK, change);
			for (Answers other : List.of(runner.with(Question.LEG_PAIN_AVERAGE, leg),
					runner.with(Question.BACK_PAIN_AVERAGE, back),
					runner.with(Question.CHANGE_SINCE_LAST_CHECK, change), allAtOnce)) {
				assertThat(problems(other)).as(() -> sample.replay("as " + describe(other))).isEmpty();
				Assessment after = this.service.assess(other);
				assertThat(after).as(() -> sample.replay("as " + describe(other) + " assessed differently"))
					.isEqualTo(before);
				compared[0]++;
			}
		});
		assertThat(compared[0]).isEqualTo(4 * RUNNERS);
	}

	// ---- Property 4: monotonic

	/**
	 * A runner who answers one risk-factor question in a riskier way must never be told
	 * they have fewer risk factors; otherwise the score would reward, say, taking up
	 * smoking. These answers never change the tier either, except the back history: a
	 * first ever episode of back pain at 60 or over is seen this week, and an earlier
	 * episode makes it not a first.
	 */
	@Test
	void riskierAnswerNeverLowersTheScore() {
		Set<Question<?>> questionsCompared = new LinkedHashSet<>();
		int[] compared = new int[1];
		forEachRunner((sample) -> {
			Assessment before = this.service.assess(sample.runner());
			for (Change change : riskierRiskFactors(sample.runner(), sample.random())) {
				if (!problems(change.runner()).isEmpty()) {
					continue;
				}
				Assessment after = this.service.assess(change.runner());
				assertThat(after.score())
					.as(() -> sample.replay("scores " + before.score() + ", but after " + change.description() + " "
							+ describe(change.runner()) + " scores " + after.score()))
					.isGreaterThanOrEqualTo(before.score());
				if (change.question() != Question.CONDITIONS) {
					assertThat(after.referralReasonKeys())
						.as(() -> sample.replay("after " + change.description() + " the tier changed"))
						.isEqualTo(before.referralReasonKeys());
				}
				questionsCompared.add(change.question());
				compared[0]++;
			}
		});
		assertThat(questionsCompared).as("every question was made riskier at least once")
			.containsExactlyInAnyOrder(Question.SMOKER, Question.CONDITIONS, Question.UNEVEN_SURFACES,
					Question.FOOTWEAR, Question.SIDE_TO_SIDE_DIFFERENCE, Question.FORM_CONCERNS,
					Question.STRENGTH_SESSIONS_PER_WEEK, Question.WEIGHT_KG, Question.HEIGHT_CM,
					Question.LONGEST_RUN_KM, Question.BASELINE_LONGEST_RUN_KM, Question.WEEKLY_DISTANCE_KM,
					Question.BASELINE_WEEKLY_DISTANCE_KM, Question.INTENSITY_CHANGE);
		assertThat(compared[0]).isGreaterThan(10 * RUNNERS);
	}

	/**
	 * A runner who reports one more sign, symptom or safety answer, worse pain (more
	 * legs, longer, stronger), an older age or a pregnancy must never be sent less
	 * urgently. The back history is not among these on purpose: it can take away "first
	 * ever back pain at 60 or over" (clinical basis, section 1), as the runner cases
	 * show.
	 */
	@Test
	void riskierAnswerNeverLowersTheTier() {
		Set<Question<?>> questionsCompared = new LinkedHashSet<>();
		int[] raised = new int[1];
		forEachRunner((sample) -> {
			Referral before = this.service.assess(sample.runner()).referral();
			for (Change change : riskierSigns(sample.runner(), sample.random())) {
				assertThat(problems(change.runner())).as(() -> sample.replay("after " + change.description()))
					.isEmpty();
				Referral after = this.service.assess(change.runner()).referral();
				assertThat(after)
					.as(() -> sample.replay("is " + before + ", but after " + change.description() + " "
							+ describe(change.runner()) + " is " + after))
					.isGreaterThanOrEqualTo(before);
				questionsCompared.add(change.question());
				raised[0] += (after.compareTo(before) > 0) ? 1 : 0;
			}
		});
		assertThat(questionsCompared).as("every question was made riskier at least once")
			.containsAll(Question.SAFETY_CHECK)
			.contains(Question.SYMPTOMS, Question.WARNING_SIGNS, Question.PAIN, Question.PAIN_WEEKS,
					Question.PAIN_SEVERITY, Question.AGE_YEARS, Question.PREGNANT_OR_POSTPARTUM);
		assertThat(raised[0]).as("changes that raised the tier").isGreaterThan(RUNNERS);
	}

	// ---- Property 5: the tiers' floors

	/**
	 * A possible cauda equina syndrome, fracture or spinal cord pressure must send the
	 * runner to emergency care whatever else they answered: no score or other answer may
	 * hide it, and the reason is named.
	 */
	@Test
	void anyTrueSafetyAnswerCallsForEmergencyCare() {
		forEachRunner((sample) -> {
			for (Question<Boolean> question : Question.SAFETY_CHECK) {
				Assessment assessment = this.service.assess(sample.runner().with(question, true));
				assertThat(assessment.referral()).as(() -> sample.replay("with " + question + " true"))
					.isEqualTo(Referral.EMERGENCY);
				assertThat(assessment.referralReasonKeys()).as(() -> sample.replay("with " + question + " true"))
					.contains(Triage.PREFIX + question.pageName());
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
			assertThat(this.service.assess(bothLegs).referral()).as(() -> sample.replay("as " + describe(bothLegs)))
				.isEqualTo(Referral.EMERGENCY);
		});
	}

	/**
	 * Cancer with leg pain, numbness or weakness is an oncological emergency (NICE
	 * NG234); new or worsening weakness in one leg or a new foot drop needs advice today
	 * with or without pain; numbness, tingling or some weakness in one leg needs an
	 * appointment with or without pain.
	 */
	@Test
	void nerveSignsNeedAProfessionalWithOrWithoutPain() {
		forEachRunner((sample) -> {
			Random random = sample.random();
			Answers runner = sample.runner();
			Symptom nerve = oneOf(random, List.of(Symptom.NUMBNESS_OR_TINGLING, Symptom.LEG_WEAKNESS));
			WarningSign motor = oneOf(random, List.of(WarningSign.ONE_LEG_WEAKNESS_WORSENING, WarningSign.FOOT_DROP));
			Answers withNerve = runner.with(Question.SYMPTOMS, plus(runner.get(Question.SYMPTOMS), nerve));
			Answers withMotor = runner.with(Question.WARNING_SIGNS, plus(runner.get(Question.WARNING_SIGNS), motor));
			Answers cancerWithNerve = withNerve.with(Question.WARNING_SIGNS,
					plus(withNerve.get(Question.WARNING_SIGNS), WarningSign.CANCER_HISTORY));
			assertThat(this.service.assess(withNerve).referral()).as(() -> sample.replay("with " + nerve))
				.isGreaterThanOrEqualTo(Referral.ROUTINE);
			assertThat(this.service.assess(withMotor).referral()).as(() -> sample.replay("with " + motor))
				.isGreaterThanOrEqualTo(Referral.URGENT);
			Assessment cancer = this.service.assess(cancerWithNerve);
			assertThat(cancer.referral()).as(() -> sample.replay("with cancer and " + nerve))
				.isEqualTo(Referral.EMERGENCY);
			assertThat(cancer.referralReasonKeys()).as(() -> sample.replay("with cancer and " + nerve))
				.contains(Triage.PREFIX + "CANCER_WITH_LEG_SIGNS");
		});
	}

	/**
	 * Without pain, and without a safety answer, a nerve sign or motor loss, nothing
	 * sends the runner to a professional: fever, cancer history, steroids, osteoporosis,
	 * a fall or weight loss are red flags only together with back or leg pain, so the
	 * check does not alarm the well (clinical basis, section 1).
	 */
	@Test
	void withoutPainOnlySafetyAnswersAndNerveSignsCallForAProfessional() {
		int[] compared = new int[1];
		forEachRunner((sample) -> {
			Random random = sample.random();
			Answers painFree = withPain(withSafety(sample.runner(), safetyAnswers(random, false)), Pain.NONE, random);
			Set<Symptom> symptoms = minus(painFree.get(Question.SYMPTOMS),
					List.of(Symptom.NUMBNESS_OR_TINGLING, Symptom.LEG_WEAKNESS));
			Set<WarningSign> signs = minus(warningSigns(random, Pain.NONE, 0.8),
					List.of(WarningSign.ONE_LEG_WEAKNESS_WORSENING, WarningSign.FOOT_DROP));
			Answers calm = painFree.with(Question.SYMPTOMS, symptoms).with(Question.WARNING_SIGNS, signs);
			assertThat(problems(calm)).as(() -> sample.replay("as " + describe(calm))).isEmpty();
			assertThat(this.service.assess(calm).referral()).as(() -> sample.replay("as " + describe(calm)))
				.isEqualTo(Referral.NONE);
			compared[0] += signs.isEmpty() ? 0 : 1;
		});
		assertThat(compared[0]).as("runners with warning signs and no pain").isGreaterThan(RUNNERS / 2);
	}

	// ---- Property 6: determinism

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
		Map<Question<?>, Object> runner = new LinkedHashMap<>(safetyAnswers(random, true));
		runner.put(Question.AGE_YEARS, age(random));
		if (random.nextInt(4) > 0) {
			int height = anyAnswer(random, Question.HEIGHT_CM);
			runner.put(Question.HEIGHT_CM, height);
			runner.put(Question.WEIGHT_KG, weight(random, height));
		}
		runner.put(Question.SMOKER, random.nextInt(5) == 0);
		// optional: unanswered is no
		switch (random.nextInt(4)) {
			case 0 -> runner.put(Question.PREGNANT_OR_POSTPARTUM, true);
			case 1 -> runner.put(Question.PREGNANT_OR_POSTPARTUM, false);
			default -> {
			}
		}
		double baselineWeekly = distance(random, MAX_WEEKLY_KM);
		double baselineLongest = baselineLongestRun(random, baselineWeekly);
		double weekly = weeklyDistance(random, baselineWeekly);
		runner.put(Question.BASELINE_WEEKLY_DISTANCE_KM, baselineWeekly);
		runner.put(Question.BASELINE_LONGEST_RUN_KM, baselineLongest);
		runner.put(Question.WEEKLY_DISTANCE_KM, weekly);
		runner.put(Question.LONGEST_RUN_KM, longestRun(random, weekly, baselineLongest));
		runner.put(Question.INTENSITY_CHANGE, oneOf(random, List.of(IntensityChange.values())));
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
		runner.put(Question.SYMPTOMS, symptoms(random, pain, 0.6));
		runner.put(Question.WARNING_SIGNS, warningSigns(random, pain, 0.3));
		return new Answers(runner);
	}

	/**
	 * The safety step's answers: all "no" for most runners, so that the tiers below
	 * emergency get tested; some "yes" answers for one runner in eight when allowed.
	 */
	private static Map<Question<?>, Object> safetyAnswers(Random random, boolean someYes) {
		boolean any = someYes && random.nextInt(8) == 0;
		Map<Question<?>, Object> answers = new LinkedHashMap<>();
		Question.SAFETY_CHECK.forEach((question) -> answers.put(question, any && random.nextInt(3) == 0));
		return answers;
	}

	/** Any age allowed, often on the 60 that decides a fall and a first episode. */
	private static int age(Random random) {
		return (random.nextInt(4) == 0) ? oneOf(random, List.of(59, 60)) : anyAnswer(random, Question.AGE_YEARS);
	}

	/**
	 * Any of the signs the catalogue takes now (not the retired ones of rules version 1),
	 * with night pain only together with pain, as the app requires.
	 */
	private static Set<WarningSign> warningSigns(Random random, Pain pain, double maxChance) {
		Set<WarningSign> signs = EnumSet.noneOf(WarningSign.class);
		subset(random, WarningSign.class, maxChance).stream()
			.filter((sign) -> Question.WARNING_SIGNS.options().contains(sign.name()))
			.filter((sign) -> pain.present() || sign != WarningSign.NIGHT_OR_CONSTANT_PAIN)
			.forEach(signs::add);
		return signs;
	}

	/**
	 * Any symptoms, with those that describe pain only together with pain, as the app
	 * requires.
	 */
	private static Set<Symptom> symptoms(Random random, Pain pain, double maxChance) {
		Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
		subset(random, Symptom.class, maxChance).stream()
			.filter((symptom) -> pain.present() || NERVE_SYMPTOMS.contains(symptom))
			.forEach(symptoms::add);
		return symptoms;
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

	/**
	 * Every single-answer change of the runner's risk factors that is riskier, one answer
	 * at a time: more load, less strength, worse shoes, surfaces or form, more back
	 * history, smoking, a higher BMI.
	 */
	private static List<Change> riskierRiskFactors(Answers base, Random random) {
		List<Change> changes = new ArrayList<>();
		if (!base.get(Question.SMOKER)) {
			changes.add(change(base, Question.SMOKER, "false -> true", true));
		}
		for (Condition condition : missing(base.get(Question.CONDITIONS), Condition.class)) {
			changes.add(
					change(base, Question.CONDITIONS, "+" + condition, plus(base.get(Question.CONDITIONS), condition)));
		}
		addRiskierOptions(base, Question.INTENSITY_CHANGE, changes);
		addRiskierOptions(base, Question.UNEVEN_SURFACES, changes);
		addRiskierOptions(base, Question.FOOTWEAR, changes);
		addRiskierOptions(base, Question.SIDE_TO_SIDE_DIFFERENCE, changes);
		addRiskierOptions(base, Question.FORM_CONCERNS, changes);
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
		Integer height = base.get(Question.HEIGHT_CM);
		if (height != null && height > Question.HEIGHT_CM.min().intValue()) {
			int shorter = between(random, Question.HEIGHT_CM.min().intValue(), height - 1);
			changes.add(change(base, Question.HEIGHT_CM, height + " -> " + shorter, shorter));
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
		if (baseWeekly < MAX_WEEKLY_KM && longest > 0) {
			double more = tenths(random, baseWeekly + 0.1, MAX_WEEKLY_KM);
			changes.add(change(base, Question.WEEKLY_DISTANCE_KM, baseWeekly + " -> " + more, more));
		}
		double baselineLongest = base.get(Question.BASELINE_LONGEST_RUN_KM);
		if (baselineLongest > 0.1) {
			double shorter = tenths(random, 0.1, baselineLongest - 0.1);
			changes.add(change(base, Question.BASELINE_LONGEST_RUN_KM, baselineLongest + " -> " + shorter, shorter));
		}
		double baselineWeekly = base.get(Question.BASELINE_WEEKLY_DISTANCE_KM);
		if (baselineWeekly > 0) {
			// down to none: a returning runner, the largest increase there is
			double less = random.nextBoolean() ? 0 : tenths(random, 0, baselineWeekly - 0.1);
			changes.add(change(base, Question.BASELINE_WEEKLY_DISTANCE_KM, baselineWeekly + " -> " + less, less));
		}
		return changes;
	}

	/**
	 * Every single change that can only make the tier more urgent, as the clinical basis
	 * words the tiers: a "yes" to a safety question, one more symptom or warning sign,
	 * pain in more places (none, back, one leg, both legs) or for longer or worse, an
	 * older age, a pregnancy.
	 */
	private static List<Change> riskierSigns(Answers base, Random random) {
		List<Change> changes = new ArrayList<>();
		for (Question<Boolean> question : Question.SAFETY_CHECK) {
			if (!base.get(question)) {
				changes.add(change(base, question, "false -> true", true));
			}
		}
		for (Symptom symptom : missing(base.get(Question.SYMPTOMS), Symptom.class)) {
			if (!base.get(Question.PAIN).present() && !NERVE_SYMPTOMS.contains(symptom)) {
				continue;
			}
			changes.add(change(base, Question.SYMPTOMS, "+" + symptom, plus(base.get(Question.SYMPTOMS), symptom)));
		}
		Pain pain = base.get(Question.PAIN);
		for (WarningSign sign : missing(base.get(Question.WARNING_SIGNS), WarningSign.class)) {
			if (!sign.retired() && (pain.present() || sign != WarningSign.NIGHT_OR_CONSTANT_PAIN)) {
				changes.add(
						change(base, Question.WARNING_SIGNS, "+" + sign, plus(base.get(Question.WARNING_SIGNS), sign)));
			}
		}
		for (Pain worse : riskierThan(pain)) {
			Answers withPain = withPain(base, worse, random);
			changes.add(new Change(Question.PAIN, Question.PAIN + " " + pain + " -> " + worse + " (weeks "
					+ withPain.get(Question.PAIN_WEEKS) + ", severity " + withPain.get(Question.PAIN_SEVERITY) + ")",
					withPain));
		}
		if (pain.present()) {
			int weeks = base.get(Question.PAIN_WEEKS);
			if (weeks < Question.PAIN_WEEKS.max().intValue()) {
				int longer = between(random, weeks + 1, Math.min(weeks + 8, Question.PAIN_WEEKS.max().intValue()));
				changes.add(change(base, Question.PAIN_WEEKS, weeks + " -> " + longer, longer));
			}
			int severity = base.get(Question.PAIN_SEVERITY);
			if (severity < Question.PAIN_SEVERITY.max().intValue()) {
				int worse = between(random, severity + 1, Question.PAIN_SEVERITY.max().intValue());
				changes.add(change(base, Question.PAIN_SEVERITY, severity + " -> " + worse, worse));
			}
		}
		int age = base.get(Question.AGE_YEARS);
		if (age < Question.AGE_YEARS.max().intValue()) {
			int older = between(random, age + 1, Question.AGE_YEARS.max().intValue());
			changes.add(change(base, Question.AGE_YEARS, age + " -> " + older, older));
		}
		if (!Boolean.TRUE.equals(base.get(Question.PREGNANT_OR_POSTPARTUM))) {
			changes.add(change(base, Question.PREGNANT_OR_POSTPARTUM, "-> true", true));
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
	 * The runner with another pain answer, with weeks and severity exactly when in pain
	 * (kept when there was pain before); without pain, pain at night cannot be a sign.
	 */
	private static Answers withPain(Answers base, Pain pain, Random random) {
		return withPain(base, pain, random, false);
	}

	/**
	 * The runner with another pain answer; with {@code freshDetails}, new weeks and
	 * severity even when there was pain before.
	 */
	private static Answers withPain(Answers base, Pain pain, Random random, boolean freshDetails) {
		int weeks = weeksOfPain(random);
		int severity = anyAnswer(random, Question.PAIN_SEVERITY);
		Map<Question<?>, Object> runner = new LinkedHashMap<>(base.asMap());
		if (!pain.present()) {
			runner.remove(Question.PAIN_WEEKS);
			runner.remove(Question.PAIN_SEVERITY);
			runner.put(Question.WARNING_SIGNS,
					minus(base.get(Question.WARNING_SIGNS), List.of(WarningSign.NIGHT_OR_CONSTANT_PAIN)));
			runner.put(Question.SYMPTOMS,
					base.get(Question.SYMPTOMS)
						.stream()
						.filter(NERVE_SYMPTOMS::contains)
						.collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Symptom.class))));
		}
		else if (freshDetails || !base.get(Question.PAIN).present()) {
			runner.put(Question.PAIN_WEEKS, weeks);
			runner.put(Question.PAIN_SEVERITY, severity);
		}
		runner.put(Question.PAIN, pain);
		return new Answers(runner);
	}

	/** The runner with other safety answers. */
	private static Answers withSafety(Answers base, Map<Question<?>, Object> safety) {
		Map<Question<?>, Object> runner = new LinkedHashMap<>(base.asMap());
		runner.putAll(safety);
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
