package com.sciaticacheck.training;

import java.time.Instant;

/**
 * One activity read from a file: no route, no heart rate, nothing but what the load
 * figures need and what the runner is shown to check them.
 *
 * @param start when it started
 * @param distanceMetres how far it went, 0 or more
 * @param type what it was
 * @param sport the file's own word for it ({@code cycling}, {@code Biking}), to name a
 * skipped one; {@code null} where the file gives none
 * @param file the name of the file it came from, within a zip as {@code zip/entry}
 */
public record Activity(Instant start, double distanceMetres, ActivityType type, String sport, String file) {

	public Activity {
		if (!(distanceMetres >= 0) || Double.isInfinite(distanceMetres)) {
			throw new IllegalArgumentException("distance must be 0 or more");
		}
	}

}
