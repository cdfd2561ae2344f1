package com.sciaticacheck.training;

/** Placeholder: being written. */
final class StravaExport {

	private final TrainingFiles files;

	StravaExport(TrainingFiles files) {
		this.files = files;
	}

	/** Whether the zip is a Strava bulk export: it holds an {@code activities.csv}. */
	static boolean isExport(byte[] zip) {
		return false;
	}

	void read(String name, byte[] zip, ImportBudget budget, TrainingFiles.Found found) throws UnreadableFileException {
		throw new UnreadableFileException("format");
	}

}
