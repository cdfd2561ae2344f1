package com.sciaticacheck.training;

/**
 * What an activity was, as far as the load questions care: only the three kinds of run
 * count towards the figures; everything else is listed as skipped.
 */
public enum ActivityType {

	RUN, TRAIL_RUN, TREADMILL_RUN, NOT_RUNNING;

	public boolean running() {
		return this != NOT_RUNNING;
	}

}
