package com.sciaticacheck.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;

import com.sciaticacheck.training.SkippedFile;
import com.sciaticacheck.training.TrainingSummary;

/**
 * What an import of training files shows above the running questions: the runs used, in
 * the runner's unit, and what did not count. The four figures themselves go into the
 * questions' own fields, where the runner checks and changes them.
 *
 * @param filled whether the four questions were filled in (only when a run was read)
 * @param runs the runs used, newest first
 * @param skipped what did not count, and why
 * @param outsideWindow runs read that lay before the 37 days the questions ask about
 * @param timeZone the time zone the days were counted in
 * @param zoneGiven whether the browser said the runner's time zone (else UTC)
 */
public record TrainingImportView(boolean filled, List<Run> runs, List<SkippedFile> skipped, int outsideWindow,
		String timeZone, boolean zoneGiven, String unit) {

	/**
	 * One run, as shown.
	 *
	 * @param window the message key of the question's days it counted in
	 */
	public record Run(String date, String distance, String typeKey, String file, String window) {
	}

	/** A day as a runner reads it on a phone: "Thu 26 Nov". */
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	static TrainingImportView of(TrainingSummary summary, DistanceUnit unit, boolean zoneGiven) {
		List<Run> runs = summary.used()
			.stream()
			.map((run) -> new Run(DAY.format(run.date()), figure(run.activity().distanceMetres() / 1000, unit, 2),
					"training.type." + run.activity().type().name(), run.activity().file(), window(run.day())))
			.toList();
		return new TrainingImportView(summary.anyRunRead(), runs, summary.skipped(), summary.outsideWindow(),
				summary.zone().getId(), zoneGiven, unit.name());
	}

	private static String window(int day) {
		if (day <= 6) {
			return "training.window.week";
		}
		return (day <= 34) ? "training.window.weeksBefore" : "training.window.daysBefore";
	}

	/**
	 * A distance in the runner's unit as they would type it: to a tenth in the fields
	 * (finer would claim more than a watch measures), without a trailing zero.
	 */
	static String figure(double km, DistanceUnit unit, int decimals) {
		return BigDecimal.valueOf(unit.fromKm(km))
			.setScale(decimals, RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

}
