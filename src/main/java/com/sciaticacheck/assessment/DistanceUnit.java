package com.sciaticacheck.assessment;

/**
 * The unit the runner enters distances in. The limits match the API's in kilometres,
 * rounded down in miles so a converted answer always fits.
 */
public enum DistanceUnit {

	KM(1.0, 400, 250), MILES(1.609344, 248, 155);

	private final double kilometres;

	private final int maxWeekly;

	private final int maxSingleRun;

	DistanceUnit(double kilometres, int maxWeekly, int maxSingleRun) {
		this.kilometres = kilometres;
		this.maxWeekly = maxWeekly;
		this.maxSingleRun = maxSingleRun;
	}

	double toKm(double distance) {
		return distance * this.kilometres;
	}

	public int getMaxWeekly() {
		return this.maxWeekly;
	}

	public int getMaxSingleRun() {
		return this.maxSingleRun;
	}

}
