package com.sciaticacheck.rules;

/**
 * Rules that describe one underlying exposure share a group, and a group adds the points
 * of its highest-scoring matching rule only: one disc episode ticked three ways, or one
 * load spike measured two ways, counts once.
 */
public enum Group {

	/** Long-run spike, doubled long run, weekly jump, intensity rise: training load. */
	LOAD, STRENGTH, FORM, SURFACE, FOOTWEAR,
	/** Earlier back pain or sciatica, a known spinal condition, back surgery. */
	BACK_HISTORY, SMOKING, WEIGHT

}
