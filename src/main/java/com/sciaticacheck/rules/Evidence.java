package com.sciaticacheck.rules;

/** How strong the evidence behind a rule is, shown to the runner next to each finding. */
public enum Evidence {

	/** A systematic review or a large cohort. */
	STRONG,
	/** A cohort or trial with a consistent signal. */
	MODERATE,
	/** A single or borderline study; an association only. */
	LIMITED,
	/** Guidance or the source article alone. */
	EXPERT_OPINION

}
