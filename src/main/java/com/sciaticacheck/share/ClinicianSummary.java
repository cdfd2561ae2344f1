package com.sciaticacheck.share;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Question;

/**
 * What a physio reads first on a shared answer, before the client's own view: the tier
 * and its reasons, every safety answer, the pain, and the running load figures.
 *
 * @param safety the six safety questions and their answers; none for rules version 1,
 * which did not ask them
 * @param pain the pain questions and their answers (at a follow-up, how the client is
 * compared with their last check; where, how long, how bad at its worst and on average in
 * the leg and the back, symptoms, warning signs), or only "no pain"
 * @param load the running load figures, in kilometres, and the change in intensity; empty
 * when the client stopped at the safety questions
 */
record ClinicianSummary(List<SubmissionExports.LabelledAnswer> safety, List<SubmissionExports.LabelledAnswer> pain,
		List<SubmissionExports.LabelledAnswer> load) {

	/**
	 * The summary of a submission, with only the questions its rules version asked: rules
	 * version 1 had no safety questions (its emergency signs were warning signs), and
	 * listing them "not answered" would read as if the client had skipped them.
	 */
	static ClinicianSummary of(Submission submission, CheckOutcome outcome, SubmissionExports exports) {
		Set<Question<?>> asked = QuestionnaireVersion.of(submission)
			.items()
			.stream()
			.map(QuestionnaireVersion.Item::question)
			.filter((question) -> SubmissionExports.askedAtThisCheck(question, outcome.answers()))
			.collect(Collectors.toSet());
		boolean assessed = outcome instanceof CheckOutcome.Assessed;
		List<Question<?>> safety = askedOf(Question.Section.SAFETY.questions(), asked);
		List<Question<?>> pain = assessed ? askedOf(Question.Section.PAIN.questions(), asked) : List.of();
		List<Question<?>> load = assessed ? askedOf(Question.Section.LOAD.questions(), asked) : List.of();
		return new ClinicianSummary(exports.labelled(safety, outcome), exports.labelled(pain, outcome),
				exports.labelled(load, outcome));
	}

	/**
	 * Nothing to sum up: a stop at the safety questions of rules version 1, which kept
	 * only the warning signs.
	 */
	public boolean isEmpty() {
		return this.safety.isEmpty() && this.pain.isEmpty() && this.load.isEmpty();
	}

	private static List<Question<?>> askedOf(List<Question<?>> questions, Set<Question<?>> asked) {
		return questions.stream().filter(asked::contains).toList();
	}

}
