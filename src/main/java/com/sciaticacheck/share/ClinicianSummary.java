package com.sciaticacheck.share;

import java.util.List;

import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Question;

/**
 * What a physio reads first on a shared answer, before the client's own view: the tier
 * and its reasons, every safety answer, the pain, and the running load figures.
 *
 * @param safety the six safety questions and their answers
 * @param pain the pain questions and their answers (where, how long, how bad, symptoms,
 * warning signs), or only "no pain"
 * @param load the running load figures, in kilometres, and the change in intensity; empty
 * when the client stopped at the safety questions
 */
record ClinicianSummary(List<SubmissionExports.LabelledAnswer> safety, List<SubmissionExports.LabelledAnswer> pain,
		List<SubmissionExports.LabelledAnswer> load) {

	static ClinicianSummary of(CheckOutcome outcome, SubmissionExports exports) {
		List<Question<?>> safety = Question.Section.SAFETY.questions();
		boolean assessed = outcome instanceof CheckOutcome.Assessed;
		List<Question<?>> pain = assessed ? Question.Section.PAIN.questions() : List.of();
		List<Question<?>> load = assessed ? Question.Section.LOAD.questions() : List.of();
		return new ClinicianSummary(exports.labelled(safety, outcome), exports.labelled(pain, outcome),
				exports.labelled(load, outcome));
	}

}
