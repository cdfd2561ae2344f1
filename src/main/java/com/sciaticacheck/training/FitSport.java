package com.sciaticacheck.training;

/**
 * What a FIT session's sport and sub sport numbers mean here: which kind of run, or else
 * the sport's name in plain words to say why it was skipped. The names are those of the
 * published FIT profile's {@code sport} type, written as words.
 */
final class FitSport {

	static final int RUNNING = 1;

	static final int TREADMILL = 1;

	static final int TRAIL = 3;

	/** Indoor runs: on a treadmill or an indoor track, flat either way. */
	static final int INDOOR_RUNNING = 45;

	/** A run in an app such as Zwift, which is a run on a treadmill. */
	static final int VIRTUAL_ACTIVITY = 58;

	/** The profile's sport names by number; a gap is a number the profile skips. */
	private static final String[] NAMES = { "generic", "running", "cycling", "transition", "fitness equipment",
			"swimming", "basketball", "soccer", "tennis", "american football", "training", "walking",
			"cross-country skiing", "alpine skiing", "snowboarding", "rowing", "mountaineering", "hiking", "multisport",
			"paddling", "flying", "e-biking", "motorcycling", "boating", "driving", "golf", "hang gliding",
			"horseback riding", "hunting", "fishing", "inline skating", "rock climbing", "sailing", "ice skating",
			"sky diving", "snowshoeing", "snowmobiling", "stand up paddleboarding", "surfing", "wakeboarding",
			"water skiing", "kayaking", "rafting", "windsurfing", "kitesurfing", "tactical", "jumpmaster", "boxing",
			"floor climbing", "baseball", null, null, null, "diving", null, null, "shooting", null, "winter sport",
			"grinding", null, null, "HIIT", "video gaming", "racket sports", "wheelchair push walk",
			"wheelchair push run", "meditation", "para sport", "disc golf", "team sport", "cricket", "rugby", "hockey",
			"lacrosse", "volleyball", "water tubing", "wakesurfing", "water sport", "archery", "mixed martial arts",
			"motor sports", "snorkeling", "dance", "jump rope", "pool apnea", "mobility", "geocaching", "canoeing" };

	private FitSport() {
	}

	static ActivityType type(long sport, long subSport) {
		if (sport != RUNNING) {
			return ActivityType.NOT_RUNNING;
		}
		if (subSport == TREADMILL || subSport == INDOOR_RUNNING || subSport == VIRTUAL_ACTIVITY) {
			return ActivityType.TREADMILL_RUN;
		}
		return (subSport == TRAIL) ? ActivityType.TRAIL_RUN : ActivityType.RUN;
	}

	/**
	 * The sport in words, {@code sport 99} for a number without a name, or null if unset.
	 */
	static String name(long sport) {
		if (sport < 0) {
			return null;
		}
		if (sport < NAMES.length && NAMES[(int) sport] != null) {
			return NAMES[(int) sport];
		}
		return "sport " + sport;
	}

}
