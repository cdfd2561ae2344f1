package com.sciaticacheck.training;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Strava's bulk export: a zip with {@code activities.csv} at its root, a row for
 * every activity the runner ever recorded, and the files of most of them under
 * {@code activities/}. A row's file is read by the reader of its format, as an uploaded
 * file would be: it knows the start, distance and sport exactly. A row without a file (an
 * activity entered by hand) becomes an activity from the row itself (see
 * {@link StravaColumns}).
 *
 * <p>
 * Only the rows of the last weeks are read further: an export holds years, and reading
 * every file would take it past the import's limits when the figures look back five weeks
 * only. Files are opened one by one through the zip's directory (see
 * {@link ZipDirectory}), so those of older rows are never unpacked and count against
 * nothing.
 *
 * <p>
 * The export counts whole or not at all: what its rows gave joins the import only once
 * the list has been read to its end.
 */
final class StravaExport {

	static final String LIST = "activities.csv";

	/**
	 * How far back a row is read. The figures look at days 0 to 36 in the runner's zone;
	 * dates here are in UTC, and a few days more leave room for any zone.
	 */
	static final Duration LOOK_BACK = Duration.ofDays(40);

	/** A row dated later than this (a clock set wrong) is not read either. */
	static final Duration LOOK_AHEAD = Duration.ofDays(2);

	/** The list's fields are short but for the runner's texts, which are never needed. */
	private static final int MAX_FIELD_CHARS = 256;

	/** Strava's list has about 90 columns. */
	private static final int MAX_FIELDS = 512;

	private final TrainingFiles files;

	private final Clock clock;

	StravaExport(TrainingFiles files, Clock clock) {
		this.files = files;
		this.clock = clock;
	}

	/**
	 * Whether the zip is a Strava bulk export: it holds an {@code activities.csv} at its
	 * root, or in one folder. Only the zip's directory is read: no entry is unpacked.
	 */
	static boolean isExport(byte[] zip) {
		return ZipDirectory.of(zip).flatMap(StravaExport::list).isPresent();
	}

	/**
	 * Strava puts the list at the root. One folder above it is read too: a runner who
	 * unzipped the export and zipped its folder again has that. Deeper is not an export.
	 * The name is as Strava writes it, in lower case: Garmin Connect's list of activities
	 * is {@code Activities.csv}, and a zip of FIT files with it is no Strava export.
	 */
	private static Optional<ZipDirectory.Entry> list(ZipDirectory directory) {
		ZipDirectory.Entry inFolder = null;
		for (ZipDirectory.Entry entry : directory.entries()) {
			String[] path = entry.name().split("/", -1);
			if (!path[path.length - 1].equals(LIST)) {
				continue;
			}
			if (path.length == 1) {
				return Optional.of(entry);
			}
			if (path.length == 2 && inFolder == null && !TrainingFiles.ignoredEntry(entry.name())) {
				inFolder = entry;
			}
		}
		return Optional.ofNullable(inFolder);
	}

	void read(String name, byte[] zip, ImportBudget budget, TrainingFiles.Found found) throws UnreadableFileException {
		ZipDirectory directory = ZipDirectory.of(zip).orElseThrow(() -> new UnreadableFileException("damaged"));
		ZipDirectory.Entry list = list(directory).orElseThrow(() -> new UnreadableFileException("stravaList"));
		Rows rows = new Rows(name, directory, list.name().substring(0, list.name().length() - LIST.length()), budget);
		try (InputStream csv = directory.open(list)) {
			CsvReader reader = new CsvReader(new InputStreamReader(budget.meter(csv), StandardCharsets.UTF_8),
					MAX_FIELD_CHARS, MAX_FIELDS);
			List<String> header = reader.next();
			if (header == null || header.size() <= StravaColumns.DISTANCE) {
				throw new UnreadableFileException("stravaList");
			}
			StravaColumns columns = new StravaColumns(header);
			// numbered as a spreadsheet shows them, the header being row 1
			int number = 1;
			for (List<String> fields = reader.next(); fields != null; fields = reader.next()) {
				number++;
				if (fields.stream().anyMatch((field) -> !field.isBlank())) {
					rows.read(columns.read(fields), number);
				}
			}
		}
		catch (IOException ex) {
			throw new UnreadableFileException("stravaList", ex);
		}
		if (rows.seen == 0) {
			throw new UnreadableFileException("stravaEmpty");
		}
		if (rows.recent == 0) {
			rows.export.skipped.add(new SkippedFile(name, "training.skipped.stravaNothingRecent", List.of()));
		}
		found.activities.addAll(rows.export.activities);
		found.skipped.addAll(rows.export.skipped);
	}

	/** The rows of one export, read one by one into what it gave. */
	private final class Rows {

		final TrainingFiles.Found export = new TrainingFiles.Found();

		int seen;

		int recent;

		private final String zipName;

		private final ZipDirectory directory;

		private final String folder;

		private final ImportBudget budget;

		private final Set<String> opened = new HashSet<>();

		private final Instant from;

		private final Instant to;

		Rows(String zipName, ZipDirectory directory, String folder, ImportBudget budget) {
			this.zipName = zipName;
			this.directory = directory;
			this.folder = folder;
			this.budget = budget;
			Instant now = StravaExport.this.clock.instant();
			this.from = now.minus(LOOK_BACK);
			this.to = now.plus(LOOK_AHEAD);
		}

		void read(StravaColumns.Row row, int number) {
			this.seen++;
			if (row.start() != null && (row.start().isBefore(this.from) || row.start().isAfter(this.to))) {
				// not opened, not counted: it keeps a years-long export inside the limits
				return;
			}
			this.recent++;
			if (row.file() != null) {
				readFile(row.file());
			}
			else {
				fromList(row, FileNames.inZip(this.zipName, LIST) + ", row " + number);
			}
		}

		/**
		 * A row's file, read by the reader of its format; a row whose date could not be
		 * read comes here too, as its file knows the date.
		 */
		private void readFile(String path) {
			String shown = FileNames.inZip(this.zipName, path);
			Optional<ZipDirectory.Entry> entry = this.directory.find(this.folder + path)
				.filter((candidate) -> !candidate.isDirectory());
			if (entry.isEmpty()) {
				// each row is an activity whether its file is there or not: a list that
				// names thousands of missing files stays within the limit
				this.budget.countActivity();
				this.export.skipped
					.add(SkippedFile.unreadable(shown, new UnreadableFileException("stravaFileMissing")));
				return;
			}
			if (!this.opened.add(entry.get().name())) {
				// two rows naming one file: it is one activity
				return;
			}
			try (InputStream content = this.directory.open(entry.get())) {
				StravaExport.this.files.readOne(shown, this.budget.meter(content), this.budget, this.export, false);
			}
			catch (IOException ex) {
				this.export.skipped.add(SkippedFile.unreadable(shown,
						new UnreadableFileException((ex instanceof EOFException) ? "truncated" : "damaged", ex)));
			}
		}

		/** An activity from the row alone: one entered by hand has no file. */
		private void fromList(StravaColumns.Row row, String shown) {
			this.budget.countActivity();
			ActivityType type = StravaTypes.typeOf(row.type());
			if (row.start() == null) {
				this.export.skipped.add(SkippedFile.unreadable(shown, new UnreadableFileException("stravaNoDate")));
			}
			else if (row.metres() == null && type.running()) {
				this.export.skipped.add(SkippedFile.unreadable(shown, new UnreadableFileException("stravaNoDistance")));
			}
			else {
				// a gym session or yoga has no distance, and needs none to be listed as
				// not a run
				double metres = (row.metres() != null) ? row.metres() : 0;
				this.export.activities.add(new Activity(row.start(), metres, type, row.type(), shown));
			}
		}

	}

}
