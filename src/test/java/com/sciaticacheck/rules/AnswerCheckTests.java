package com.sciaticacheck.rules;

import java.util.List;
import java.util.Set;

import com.sciaticacheck.support.RunnerFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The one definition of valid answers that the questionnaire and the API share. */
class AnswerCheckTests {

	@Test
	void aCalmRunnerHasNoProblem() {
		assertThat(AnswerCheck.problems(RunnerFixture.calm().values())).isEmpty();
	}

	@Test
	void anAnswerOutOfRangeIsReportedAsSuchAndNotAlsoAsAContradiction() {
		List<AnswerCheck.Problem> problems = AnswerCheck
			.problems(RunnerFixture.calm().with(Question.WEEKLY_DISTANCE_KM, -1.0).values());
		assertThat(problems)
			.containsExactly(new AnswerCheck.Problem(Question.WEEKLY_DISTANCE_KM, AnswerCheck.Kind.OUT_OF_RANGE, null));
	}

	@Test
	void painWeeksAndSeverityAreNeededOnlyWithPain() {
		assertThat(AnswerCheck.problems(RunnerFixture.calm().with(Question.PAIN, Pain.ONE_LEG).values()))
			.extracting(AnswerCheck.Problem::messageKey)
			.containsExactly("answers." + Question.PAIN_WEEKS.name() + ".withPain",
					"answers." + Question.PAIN_SEVERITY.name() + ".withPain");
		Answers noPain = new Answers(RunnerFixture.calm().with(Question.PAIN_WEEKS, 3).values());
		assertThat(noPain.get(Question.PAIN_WEEKS)).as("dropped without pain").isNull();
	}

	/**
	 * Leg and back pain on average came after version 2 of the API: a request without
	 * them stays valid there, while the page needs them with pain, for the physio's
	 * timeline. Without pain they are needed nowhere and dropped.
	 */
	@Test
	void painOnAverageIsNeededWithPainOnThePageOnly() {
		RunnerFixture inPain = RunnerFixture.calm()
			.inPain(Pain.BACK_ONLY, 2, 4)
			.without(Question.LEG_PAIN_AVERAGE)
			.without(Question.BACK_PAIN_AVERAGE);
		assertThat(AnswerCheck.problems(inPain.values(), Asking.BY_API)).isEmpty();
		for (Asking page : List.of(Asking.ON_PAGE, Asking.ON_PAGE_AT_FOLLOW_UP)) {
			assertThat(AnswerCheck
				.problems(inPain.with(Question.CHANGE_SINCE_LAST_CHECK, ChangeSinceLastCheck.BETTER).values(), page))
				.as(page.name())
				.containsExactly(
						new AnswerCheck.Problem(Question.LEG_PAIN_AVERAGE, AnswerCheck.Kind.DOES_NOT_FIT,
								"answers.legPainAverage.withPain"),
						new AnswerCheck.Problem(Question.BACK_PAIN_AVERAGE, AnswerCheck.Kind.DOES_NOT_FIT,
								"answers.backPainAverage.withPain"));
		}
		assertThat(AnswerCheck.problems(RunnerFixture.calm().values(), Asking.ON_PAGE)).as("no pain").isEmpty();
		assertThat(AnswerCheck.problems(RunnerFixture.calm().inPain(Pain.ONE_LEG, 2, 4, 11, -1).values()))
			.as("out of range in the API too")
			.containsExactly(new AnswerCheck.Problem(Question.LEG_PAIN_AVERAGE, AnswerCheck.Kind.OUT_OF_RANGE, null),
					new AnswerCheck.Problem(Question.BACK_PAIN_AVERAGE, AnswerCheck.Kind.OUT_OF_RANGE, null));
		Answers noPain = new Answers(
				RunnerFixture.calm().with(Question.LEG_PAIN_AVERAGE, 5).with(Question.BACK_PAIN_AVERAGE, 5).values());
		assertThat(noPain.asMap()).as("dropped without pain")
			.doesNotContainKeys(Question.LEG_PAIN_AVERAGE, Question.BACK_PAIN_AVERAGE);
	}

	/**
	 * How the runner is since their last check is asked, and needed, only by a
	 * follow-up's page; the API takes it whenever given, and the first check's page does
	 * not ask it at all.
	 */
	@Test
	void theChangeSinceTheLastCheckIsNeededOnlyAtAFollowUp() {
		RunnerFixture calm = RunnerFixture.calm();
		assertThat(AnswerCheck.problems(calm.values(), Asking.BY_API)).isEmpty();
		assertThat(AnswerCheck.problems(calm.values(), Asking.ON_PAGE)).isEmpty();
		assertThat(AnswerCheck.problems(calm.values(), Asking.ON_PAGE_AT_FOLLOW_UP)).containsExactly(
				new AnswerCheck.Problem(Question.CHANGE_SINCE_LAST_CHECK, AnswerCheck.Kind.REQUIRED, null));
		assertThat(Asking.ON_PAGE.questions()).doesNotContain(Question.CHANGE_SINCE_LAST_CHECK)
			.hasSize(Question.ALL.size() - 1);
		assertThat(Asking.ON_PAGE_AT_FOLLOW_UP.questions()).isEqualTo(Question.ALL);
		assertThat(Asking.BY_API.questions()).isEqualTo(Question.ALL);
		Answers withChange = new Answers(
				calm.with(Question.CHANGE_SINCE_LAST_CHECK, ChangeSinceLastCheck.MUCH_BETTER).values());
		assertThat(withChange.get(Question.CHANGE_SINCE_LAST_CHECK)).as("kept without pain")
			.isEqualTo(ChangeSinceLastCheck.MUCH_BETTER);
	}

	/**
	 * Pain that is worse at night or never eases is pain: with no pain answered, both
	 * answers are named, so the runner can correct either.
	 */
	@Test
	void nightOrConstantPainWithoutPainIsAProblemOfBothAnswers() {
		List<AnswerCheck.Problem> problems = AnswerCheck.problems(
				RunnerFixture.calm().with(Question.WARNING_SIGNS, Set.of(WarningSign.NIGHT_OR_CONSTANT_PAIN)).values());
		assertThat(problems).containsExactlyInAnyOrder(
				new AnswerCheck.Problem(Question.WARNING_SIGNS, AnswerCheck.Kind.DOES_NOT_FIT,
						"answers.warningSigns.nightPain"),
				new AnswerCheck.Problem(Question.PAIN, AnswerCheck.Kind.DOES_NOT_FIT, "answers.pain.nightPain"));
		assertThat(AnswerCheck.problems(RunnerFixture.calm()
			.inPain(Pain.BACK_ONLY, 2, 4)
			.with(Question.WARNING_SIGNS, Set.of(WarningSign.NIGHT_OR_CONSTANT_PAIN))
			.values())).as("with pain").isEmpty();
	}

	/** An unasked safety question can never give "no referral": each is required. */
	@Test
	void everySafetyAnswerIsRequired() {
		for (Question<Boolean> question : Question.SAFETY_CHECK) {
			assertThat(AnswerCheck.problems(RunnerFixture.calm().without(question).values())).as(question.name())
				.containsExactly(new AnswerCheck.Problem(question, AnswerCheck.Kind.REQUIRED, null));
		}
	}

	@Test
	void intensityIsRequiredAndPregnancyIsOptional() {
		assertThat(AnswerCheck.problems(RunnerFixture.calm().without(Question.INTENSITY_CHANGE).values()))
			.containsExactly(new AnswerCheck.Problem(Question.INTENSITY_CHANGE, AnswerCheck.Kind.REQUIRED, null));
		assertThat(AnswerCheck.problems(RunnerFixture.calm().without(Question.PREGNANT_OR_POSTPARTUM).values()))
			.isEmpty();
		assertThat(new Answers(RunnerFixture.calm().values()).get(Question.PREGNANT_OR_POSTPARTUM)).isNull();
	}

	/**
	 * The warning signs of rules version 1 that the safety check asks now are no answers.
	 */
	@Test
	void retiredWarningSignsAreNoAnswers() {
		assertThat(Question.WARNING_SIGNS.options()).doesNotContain("SADDLE_NUMBNESS", "BLADDER_CHANGE", "BOWEL_CHANGE",
				"SEXUAL_DYSFUNCTION", "SEVERE_OR_WORSENING_LEG_WEAKNESS", "RECENT_TRAUMA");
		assertThatIllegalArgumentException().isThrownBy(() -> Question.WARNING_SIGNS.read(List.of("RECENT_TRAUMA")));
		assertThat(Question.WARNING_SIGNS.read(List.of("MINOR_FALL"))).containsExactly(WarningSign.MINOR_FALL);
	}

	@Test
	void answersOfTheWrongTypeAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Answers(new java.util.HashMap<>(RunnerFixture.calm().values()) {
				{
					put(Question.PAIN, "NONE");
				}
			}));
	}

}
