package com.sciaticacheck.rules;

/** What the current pain is like; only meaningful together with pain. */
public enum Symptom {

	WORSE_WHEN_RUNNING, GETTING_WORSE, STOPS_NORMAL_ACTIVITIES, NUMBNESS_OR_TINGLING, LEG_WEAKNESS

}
