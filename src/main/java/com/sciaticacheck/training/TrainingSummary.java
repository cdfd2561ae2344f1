package com.sciaticacheck.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * @param weeklyDistanceKm the last 7 days, in km
 * @param baselineWeeklyDistanceKm an average week of the 4 weeks before, in km
 * @param longestRunKm the longest single run of the last 7 days, in km
 * @param baselineLongestRunKm the longest single run of the 30 days before, in km
 * @param used the runs the figures came from, newest first
 * @param skipped the files and activities that did not count, and why
 * @param outsideWindow how many runs were read but lay outside the 37 days
 * @param zone the time zone the days were counted in
 * @param today day 0
 */
public record TrainingSummary(double weeklyDistanceKm, double baselineWeeklyDistanceKm, double longestRunKm,
		double baselineLongestRunKm, List<UsedRun> used, List<SkippedFile> skipped, int outsideWindow, ZoneId zone,
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

		public double distanceKm() {
			return km(this.activity.distanceMetres());
		}

	}

	public TrainingSummary {
		used = List.copyOf(used);
		skipped = List.copyOf(skipped);
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
			Activity same = sameRun(activity, counted);
			if (same != null) {
				// the same run from two files (an export and the watch's own file):
				// counted twice it would double the week
				skipped.add(new SkippedFile(activity.file(), "training.skipped.duplicate", List.of(same.file())));
				continue;
			}
			counted.add(activity);
			LocalDate date = activity.start().atZone(zone).toLocalDate();
			int day = (int) ChronoUnit.DAYS.between(date, today);
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
			used.add(new UsedRun(date, day, activity));
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
		return new TrainingSummary(km(week), km(before / 4), km(longest), km(longestBefore), used, skipped, outside,
				zone, today);
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

	/** Kilometres to 10 m: finer would claim more than a watch measures. */
	static double km(double metres) {
		return BigDecimal.valueOf(metres / 1000).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

}
