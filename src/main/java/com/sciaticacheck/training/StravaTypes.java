package com.sciaticacheck.training;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the "Activity Type" of Strava's {@code activities.csv}, written in the runner's
 * language: only the words for a run that we are sure of count as one ("Run", "Lauf",
 * "Course à pied", "Carrera", "Corsa", "Hardlopen", "Corrida"); a virtual run (Strava's
 * type for a run on a treadmill) and a trail run are told apart. Any other word is not a
 * run: a run is never made of a type we cannot read.
 */
final class StravaTypes {

	/** Words that alone, or beside "virtual" or "trail", name a run. */
	private static final Set<String> RUN_WORDS = Set.of("run", "running", "lauf", "laufen", "carrera", "corsa",
			"hardlopen", "corrida");

	/** French writes a run in three words. */
	private static final List<String> RUN_PHRASE = List.of("course", "a", "pied");

	/** One word for a trail run: German "Traillauf", French "Trail". */
	private static final Set<String> TRAIL_RUN_WORDS = Set.of("traillauf", "trail", "trailrun", "trailrunning");

	/** One word for a run on a treadmill. */
	private static final Set<String> TREADMILL_WORDS = Set.of("treadmill", "laufband");

	private StravaTypes() {
	}

	static ActivityType typeOf(String type) {
		if (type == null) {
			return ActivityType.NOT_RUNNING;
		}
		List<String> words = words(type);
		if (words.size() == 1 && TREADMILL_WORDS.contains(words.get(0))) {
			return ActivityType.TREADMILL_RUN;
		}
		if (words.size() == 1 && TRAIL_RUN_WORDS.contains(words.get(0))) {
			return ActivityType.TRAIL_RUN;
		}
		boolean run = words.stream().anyMatch(RUN_WORDS::contains)
				|| Collections.indexOfSubList(words, RUN_PHRASE) >= 0;
		if (!run) {
			return ActivityType.NOT_RUNNING;
		}
		// "Virtual Run", "Virtueller Lauf", "Carrera virtual", "Corsa virtuale"
		if (words.stream().anyMatch((word) -> word.startsWith("virtu") || TREADMILL_WORDS.contains(word))) {
			return ActivityType.TREADMILL_RUN;
		}
		if (words.contains("trail")) {
			return ActivityType.TRAIL_RUN;
		}
		return ActivityType.RUN;
	}

	/**
	 * The words, in lower case and without accents: "Course à pied" is course, a, pied.
	 */
	private static List<String> words(String type) {
		String plain = Normalizer.normalize(type.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return Arrays.stream(plain.split("[^\\p{L}]+")).filter((word) -> !word.isEmpty()).toList();
	}

}
