package com.sciaticacheck.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Reads one import of training files into a {@link TrainingSummary}, within the limits of
 * {@link TrainingSettings}. Everything happens in memory: the files, and the routes in
 * them, are gone when this returns, and none of it is logged.
 */
@Service
public class TrainingImport {

	private final TrainingSettings settings;

	private final Clock clock;

	TrainingImport(TrainingSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The runs in the files, summed into the load figures.
	 * @param zone the runner's time zone, which decides on which day a run counts
	 * @throws ImportLimitException when the files together pass a limit: then nothing of
	 * them counts
	 */
	public TrainingSummary read(List<UploadedFile> files, ZoneId zone) {
		ImportBudget budget = new ImportBudget(this.settings);
		TrainingFiles.Found found = new TrainingFiles(this.clock).read(files, budget);
		return TrainingSummary.of(found.activities, found.skipped, zone, LocalDate.now(this.clock.withZone(zone)));
	}

}
