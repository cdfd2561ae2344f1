package com.sciaticacheck.rules;

/**
 * Whether and how soon to see a professional, from least to most urgent. Results scored
 * under rules version 1 have no {@link #SOON}: their {@link #URGENT} was "this week".
 */
public enum Referral {

	/** Self-care and prevention advice; the safety net. */
	NONE,
	/** Book an appointment with a physiotherapist or GP. */
	ROUTINE,
	/** Contact a GP or physiotherapist this week. */
	SOON,
	/** Get medical advice today: GP surgery or NHS 111. */
	URGENT,
	/** A&E or 999 now. */
	EMERGENCY

}
