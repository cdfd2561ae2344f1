package com.sciaticacheck.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The questionnaire's four load figures worked out from the runs in a runner's files, by
 * each run's start date in the runner's time zone, with today as day 0: the total of days
 * 0 to 6; the average week of days 7 to 34 (their total divided by 4); the longest run of
 * days 0 to 6; the longest run of days 7 to 36. These are the days the questions ask
 * about ("the last 7 days", "an average week in the 4 weeks before that", "the 30 days
 * before that").
 *
 * @param weeklyMetres the last 7 days
 * @param baselineWeeklyMetres an average week of the 4 weeks before
 * @param longestMetres the longest single run of the last 7 days
 * @param baselineLongestMetres the longest single run of the 30 days before
 * @param used the runs the figures came from, newest first
 * @param skipped the files and activities that did not count, and why
 * @param outsideWindow how many runs were read but lay outside the 37 days
 * @param zone the time zone the days were counted in
 * @param today day 0
 */
public record TrainingSummary(double weeklyMetres, double baselineWeeklyMetres, double longestMetres,
		double baselineLongestMetres, List<UsedRun> used, List<SkippedFile> skipped, int outsideWindow, ZoneId zone,
		LocalDate today) {

	/** The last day of the longest window (the 30 days before the last 7). */
	static final int LAST_DAY = 36;

	/**
	 * A run the figures came from.
	 *
	 * @param date its start date in the runner's time zone
	 * @param day how many days before today, 0 for today
	 */
	public record UsedRun(LocalDate date, int day, Activity activity) {

		/** In km, to 10 m. */
		public double distanceKm() {
			return km(this.activity.distanceMetres());
		}

	}

	/** Shorter is a watch started and stopped by mistake, not a run. */
	static final double SHORTEST_RUN_METRES = 100;

	/** Longer than any run on foot in one go: a file's figure gone wrong. */
	static final double LONGEST_RUN_METRES = 1_000_000;

	/** Before the first GPS watches for runners: a date gone wrong. */
	static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	public TrainingSummary {
		used = List.copyOf(used);
		skipped = List.copyOf(skipped);
	}

	/** The last 7 days in km, to 10 m: finer would claim more than a watch measures. */
	public double weeklyDistanceKm() {
		return km(this.weeklyMetres);
	}

	/** An average week of the 4 weeks before, in km, to 10 m. */
	public double baselineWeeklyDistanceKm() {
		return km(this.baselineWeeklyMetres);
	}

	/** The longest single run of the last 7 days, in km, to 10 m. */
	public double longestRunKm() {
		return km(this.longestMetres);
	}

	/** The longest single run of the 30 days before, in km, to 10 m. */
	public double baselineLongestRunKm() {
		return km(this.baselineLongestMetres);
	}

	/** Whether any run at all was read, inside the window or not. */
	public boolean anyRunRead() {
		return !this.used.isEmpty() || this.outsideWindow > 0;
	}

	static TrainingSummary of(List<Activity> activities, List<SkippedFile> unreadable, ZoneId zone, LocalDate today) {
		List<UsedRun> used = new ArrayList<>();
		List<SkippedFile> skipped = new ArrayList<>(unreadable);
		int outside = 0;
		double week = 0;
		double before = 0;
		double longest = 0;
		double longestBefore = 0;
		List<Activity> counted = new ArrayList<>();
		for (Activity activity : byStart(activities)) {
			if (!activity.type().running()) {
				skipped.add(SkippedFile.notRunning(activity));
				continue;
			}
			String implausible = implausible(activity, today);
			if (implausible != null) {
				skipped.add(new SkippedFile(activity.file(), implausible, List.of()));
				continue;
			}
			Activity same = sameRun(activity, counted);
			if (same != null) {
				// the same run from two files (an export and the watch's own file):
				// counted twice it would double the week
				skipped.add(new SkippedFile(activity.file(), "training.skipped.duplicate", List.of(same.file())));
				continue;
			}
			counted.add(activity);
			LocalDate date = activity.start().atZone(zone).toLocalDate();
			long day = ChronoUnit.DAYS.between(date, today);
			if (day < 0) {
				// a watch set to the wrong date: counting it would put it in no week
				skipped.add(new SkippedFile(activity.file(), "training.skipped.future", List.of(date.toString())));
				continue;
			}
			if (day > LAST_DAY) {
				outside++;
				continue;
			}
			double metres = activity.distanceMetres();
			used.add(new UsedRun(date, (int) day, activity));
			if (day <= 6) {
				week += metres;
				longest = Math.max(longest, metres);
			}
			else {
				if (day <= 34) {
					before += metres;
				}
				longestBefore = Math.max(longestBefore, metres);
			}
		}
		used.sort(Comparator.comparing((UsedRun run) -> run.activity().start()).reversed());
		return new TrainingSummary(week, before / 4, longest, longestBefore, used, skipped, outside, zone, today);
	}

	/**
	 * Why a run cannot be counted as it stands, or null: a distance no run has, or a date
	 * no watch was set to (which would not fit in a calendar's day count either).
	 */
	private static String implausible(Activity run, LocalDate today) {
		if (run.distanceMetres() < SHORTEST_RUN_METRES) {
			return "training.skipped.tooShort";
		}
		if (run.distanceMetres() > LONGEST_RUN_METRES) {
			return "training.skipped.tooLong";
		}
		Instant start = run.start();
		if (start.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
				|| start.isAfter(today.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
			return "training.skipped.badDate";
		}
		return null;
	}

	/** How close two files' starts must be to be one run. */
	static final long SAME_START_SECONDS = 120;

	private static List<Activity> byStart(List<Activity> activities) {
		List<Activity> sorted = new ArrayList<>(activities);
		sorted.sort(Comparator.comparing(Activity::start));
		return sorted;
	}

	/**
	 * A run already counted that this one is the same as: started within two minutes of
	 * it, and within a tenth of its distance (two devices, or a file and its export,
	 * never agree to the metre).
	 */
	private static Activity sameRun(Activity run, List<Activity> counted) {
		for (int i = counted.size() - 1; i >= 0; i--) {
			Activity earlier = counted.get(i);
			if (run.start().getEpochSecond() - earlier.start().getEpochSecond() > SAME_START_SECONDS) {
				return null;
			}
			double longer = Math.max(run.distanceMetres(), earlier.distanceMetres());
			if (Math.abs(run.distanceMetres() - earlier.distanceMetres()) <= longer / 10) {
				return earlier;
			}
		}
		return null;
	}

	/** Kilometres to 10 m. */
	static double km(double metres) {
		return BigDecimal.valueOf(metres / 1000).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

}
