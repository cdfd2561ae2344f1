package com.sciaticacheck.rules;

/** Where the runner has pain now; "leg" means pain spreading down the leg. */
public enum Pain {

	NONE, BACK_ONLY, ONE_LEG, BOTH_LEGS;

	public boolean present() {
		return this != NONE;
	}

}
