package com.sciaticacheck.training;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads FIT files, the format of Garmin, Coros, Suunto, Wahoo and most watches: one
 * activity for each session message. The decoder is our own, written from the published
 * FIT protocol, as Garmin's SDK may not be shipped in the app; it reads only what an
 * activity needs and checks every byte, so a damaged file counts for nothing rather than
 * for wrong figures.
 */
final class FitReader implements ActivityReader {

	/** 1989-12-31T00:00:00Z, from which FIT counts its times, in Unix seconds. */
	static final long FIT_EPOCH = 631_065_600L;

	/**
	 * Times below this are seconds since the device was switched on, not dates: the FIT
	 * protocol's {@code date_time} minimum.
	 */
	private static final long MIN_DATE_TIME = 0x10000000L;

	@Override
	public List<Activity> read(InputStream content, String file, ImportBudget budget) throws UnreadableFileException {
		List<Activity> activities = new ArrayList<>();
		try {
			new FitDecoder(content, budget).decode((session) -> {
				budget.countActivity();
				Activity activity = activity(session, file);
				if (activity != null) {
					activities.add(activity);
				}
			});
		}
		catch (ImportLimitException ex) {
			throw ex;
		}
		catch (EOFException ex) {
			throw new UnreadableFileException("truncated", ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableFileException("damaged", ex);
		}
		if (activities.isEmpty()) {
			throw new UnreadableFileException("noSession");
		}
		return activities;
	}

	/**
	 * The activity of a session, or null for one without any date: its start, or else its
	 * end, which falls on the same day but for runs across midnight.
	 */
	private static Activity activity(FitSession session, String file) {
		long time = (session.startTime() >= MIN_DATE_TIME) ? session.startTime() : session.timestamp();
		if (time < MIN_DATE_TIME) {
			return null;
		}
		double metres = (session.totalDistance() == FitSession.NOT_SET) ? 0 : session.totalDistance() / 100.0;
		return new Activity(Instant.ofEpochSecond(FIT_EPOCH + time), metres,
				FitSport.type(session.sport(), session.subSport()), FitSport.name(session.sport()), file);
	}

}
