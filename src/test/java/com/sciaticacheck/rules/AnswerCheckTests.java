package com.sciaticacheck.rules;

import java.util.List;

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
