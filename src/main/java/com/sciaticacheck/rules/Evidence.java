package com.sciaticacheck.rules;

/**
 * How certain the evidence behind a rule is for this question, shown to the runner in
 * words next to each finding. Each grade has one point value, stated in the rule table.
 */
public enum Evidence {

	/**
	 * Consistent findings from good-quality studies, such as a meta-analysis of cohorts,
	 * about sciatica or low back pain.
	 */
	STRONG,
	/**
	 * One large good-quality cohort or trial, or a consistent but weaker body of studies.
	 */
	MODERATE,
	/** Few, small, low-quality or borderline studies, or an association only. */
	LIMITED,
	/** Guidance or the source document alone. */
	EXPERT_OPINION

}
