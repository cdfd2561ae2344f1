package com.sciaticacheck.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.sciaticacheck.rules.Question;

/**
 * The unit the runner enters distances in. The catalogue's limits are in kilometres; in
 * miles they are rounded down, so a converted answer always fits.
 */
public enum DistanceUnit {

	KM(1.0), MILES(1.609344);

	private final double kilometres;

	DistanceUnit(double kilometres) {
		this.kilometres = kilometres;
	}

	/**
	 * The distance in kilometres, to the metre: 9 miles is 14.484 km, not the
	 * 14.484096000000001 a physio would otherwise read in the shared answers.
	 */
	double toKm(double distance) {
		return Math.round(distance * this.kilometres * 1000) / 1000.0;
	}

	/** A distance in kilometres in this unit, unrounded. */
	double fromKm(double km) {
		return km / this.kilometres;
	}

	/** The largest answer to a distance question in this unit. */
	public int max(Question<?> distance) {
		return distance.max().divide(BigDecimal.valueOf(this.kilometres), 0, RoundingMode.FLOOR).intValueExact();
	}

}
