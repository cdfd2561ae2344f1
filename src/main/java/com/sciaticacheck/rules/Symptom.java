package com.sciaticacheck.rules;

/**
 * What the runner notices now: the first three describe pain and need it; numbness or
 * tingling and weakness in one leg count with or without pain.
 */
public enum Symptom {

	WORSE_WHEN_RUNNING, GETTING_WORSE, STOPS_NORMAL_ACTIVITIES, NUMBNESS_OR_TINGLING, LEG_WEAKNESS

}
