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
