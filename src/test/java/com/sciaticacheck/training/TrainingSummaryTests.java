package com.sciaticacheck.training;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four figures from runs placed on the edges of their windows: days 0 and 6 and 7, 34
 * and 35, 36 and 37, and runs near midnight that change day with the time zone.
 */
class TrainingSummaryTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	@Test
	void eachRunCountsInTheWindowsOfItsDay() {
		List<Activity> runs = new ArrayList<>();
		runs.add(run(0, 5_000));
		runs.add(run(6, 12_000));
		runs.add(run(7, 8_000));
		runs.add(run(20, 10_000));
		runs.add(run(34, 6_000));
		runs.add(run(35, 21_000));
		runs.add(run(36, 9_000));
		runs.add(run(37, 42_000));

		TrainingSummary summary = TrainingSummary.of(runs, List.of(), LONDON, TODAY);

		// days 0-6: 5 + 12
		assertThat(summary.weeklyDistanceKm()).isEqualTo(17.0);
		assertThat(summary.longestRunKm()).isEqualTo(12.0);
		// days 7-34: 8 + 10 + 6 = 24, over 4 weeks
		assertThat(summary.baselineWeeklyDistanceKm()).isEqualTo(6.0);
		// days 7-36: day 35's 21 km counts as the longest before, not in the weekly
		// average
		assertThat(summary.baselineLongestRunKm()).isEqualTo(21.0);
		// day 37 is outside every window
		assertThat(summary.outsideWindow()).isEqualTo(1);
		assertThat(summary.used()).extracting(TrainingSummary.UsedRun::day).containsExactly(0, 6, 7, 20, 34, 35, 36);
	}

	@Test
	void aRunJustAfterMidnightLocallyCountsOnThatDay() {
		// 23:30 UTC on day 7 is 00:30 on day 6 in Berlin (UTC+1 in November)
		Instant lateEvening = LocalDateTime.of(TODAY.minusDays(7), java.time.LocalTime.of(23, 30))
			.toInstant(ZoneOffset.UTC);
		List<Activity> runs = List.of(new Activity(lateEvening, 10_000, ActivityType.RUN, "running", "late.fit"));

		TrainingSummary inUtc = TrainingSummary.of(runs, List.of(), ZoneOffset.UTC, TODAY);
		TrainingSummary inBerlin = TrainingSummary.of(runs, List.of(), ZoneId.of("Europe/Berlin"), TODAY);

		assertThat(inUtc.weeklyDistanceKm()).isZero();
		assertThat(inUtc.baselineWeeklyDistanceKm()).isEqualTo(2.5);
		assertThat(inBerlin.weeklyDistanceKm()).isEqualTo(10.0);
		assertThat(inBerlin.baselineWeeklyDistanceKm()).isZero();
	}

	@Test
	void theLongestRunIsOneRunNotADaysTotal() {
		List<Activity> runs = List.of(run(2, 6_000), run(2, 7_000), run(3, 8_500));

		TrainingSummary summary = TrainingSummary.of(runs, List.of(), LONDON, TODAY);

		assertThat(summary.weeklyDistanceKm()).isEqualTo(21.5);
		assertThat(summary.longestRunKm()).isEqualTo(8.5);
	}

	@Test
	void otherSportsAndFutureDatesAreListedAsSkippedAndNeverCounted() {
		List<Activity> activities = List.of(run(1, 10_000),
				new Activity(at(1), 40_000, ActivityType.NOT_RUNNING, "cycling", "ride.fit"),
				new Activity(at(-3), 5_000, ActivityType.RUN, "running", "future.fit"));

		TrainingSummary summary = TrainingSummary.of(activities, List.of(), LONDON, TODAY);

		assertThat(summary.weeklyDistanceKm()).isEqualTo(10.0);
		assertThat(summary.skipped()).extracting(SkippedFile::file, SkippedFile::reasonKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ride.fit", "training.skipped.notRunning"),
					org.assertj.core.groups.Tuple.tuple("future.fit", "training.skipped.future"));
	}

	@Test
	void theSameRunFromTwoFilesCountsOnce() {
		Activity fromWatch = new Activity(at(2), 10_000, ActivityType.RUN, "running", "watch.fit");
		Activity fromExport = new Activity(at(2).plusSeconds(30), 10_040, ActivityType.RUN, "running",
				"export.zip/activities/1.fit.gz");
		// the same morning, but a run of its own: another distance
		Activity secondRun = new Activity(at(2).plusSeconds(90), 3_000, ActivityType.RUN, "running", "cooldown.fit");

		TrainingSummary summary = TrainingSummary.of(List.of(fromExport, fromWatch, secondRun), List.of(), LONDON,
				TODAY);

		assertThat(summary.weeklyDistanceKm()).isEqualTo(13.0);
		assertThat(summary.skipped()).singleElement().satisfies((skipped) -> {
			assertThat(skipped.file()).isEqualTo("export.zip/activities/1.fit.gz");
			assertThat(skipped.reasonKey()).isEqualTo("training.skipped.duplicate");
			assertThat(skipped.arguments()).containsExactly("watch.fit");
		});
	}

	@Test
	void figuresNoRunCanHaveAreSkippedWithTheirReason() {
		List<Activity> activities = List.of(run(1, 10_000), run(2, 30),
				new Activity(at(3), 1e308, ActivityType.RUN, "running", "huge-1.tcx"),
				new Activity(at(3), 1e308, ActivityType.RUN, "running", "huge-2.tcx"),
				new Activity(Instant.parse("+999999999-12-31T23:59:59Z"), 5_000, ActivityType.RUN, "running",
						"far.tcx"),
				new Activity(Instant.parse("-11757195-11-04T10:00:00Z"), 5_000, ActivityType.RUN, "running",
						"old.tcx"));

		TrainingSummary summary = TrainingSummary.of(activities, List.of(), LONDON, TODAY);

		assertThat(summary.weeklyDistanceKm()).isEqualTo(10.0);
		assertThat(summary.skipped()).extracting(SkippedFile::file, SkippedFile::reasonKey)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("day-2.fit", "training.skipped.tooShort"),
					org.assertj.core.groups.Tuple.tuple("huge-1.tcx", "training.skipped.tooLong"),
					org.assertj.core.groups.Tuple.tuple("huge-2.tcx", "training.skipped.tooLong"),
					org.assertj.core.groups.Tuple.tuple("far.tcx", "training.skipped.badDate"),
					org.assertj.core.groups.Tuple.tuple("old.tcx", "training.skipped.badDate"));
	}

	@Test
	void distancesAreKeptToTenMetres() {
		List<Activity> runs = List.of(run(1, 10_004), run(2, 10_006));

		TrainingSummary summary = TrainingSummary.of(runs, List.of(), LONDON, TODAY);

		assertThat(summary.weeklyDistanceKm()).isEqualTo(20.01);
		assertThat(summary.longestRunKm()).isEqualTo(10.01);
	}

	@Test
	void noRunsAtAllIsNotTheSameAsNoRunsInTheWindow() {
		assertThat(TrainingSummary.of(List.of(), List.of(), LONDON, TODAY).anyRunRead()).isFalse();
		assertThat(TrainingSummary.of(List.of(run(40, 5_000)), List.of(), LONDON, TODAY).anyRunRead()).isTrue();
	}

	/** A run at 07:00 London time, {@code day} days before today. */
	private static Activity run(int day, double metres) {
		return new Activity(at(day), metres, ActivityType.RUN, "running", "day-" + day + ".fit");
	}

	private static Instant at(int day) {
		return TODAY.minusDays(day).atTime(7, 0).atZone(LONDON).toInstant();
	}

}
