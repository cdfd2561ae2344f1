package com.sciaticacheck.training;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the files of one import, whatever they are: each is recognised by its first bytes
 * (a misnamed file is still read), unpacked where it is a zip or gzip, and handed to the
 * reader of its format. A file that cannot be read is skipped with its reason and the
 * others still count; a limit of the {@link ImportBudget} ends the whole import.
 */
final class TrainingFiles {

	/** How many bytes are looked at to recognise a format. */
	private static final int SNIFF = 1024;

	private final ActivityReader fit = new FitReader();

	private final ActivityReader tcx = new TcxReader();

	private final ActivityReader gpx = new GpxReader();

	/** Now, for what a Strava export's list says is too old to open. */
	private final Clock clock;

	TrainingFiles(Clock clock) {
		this.clock = clock;
	}

	/** What the files held: activities of every type, and what was skipped. */
	static final class Found {

		final List<Activity> activities = new ArrayList<>();

		final List<SkippedFile> skipped = new ArrayList<>();

		/**
		 * A file that did not count. Skipped files count against the activity limit too:
		 * a zip of a hundred thousand empty entries would otherwise make a page of its
		 * reasons.
		 */
		void skip(SkippedFile file, ImportBudget budget) {
			budget.countActivity();
			this.skipped.add(file);
		}

		void addAll(Found other) {
			this.activities.addAll(other.activities);
			this.skipped.addAll(other.skipped);
		}

	}

	Found read(List<UploadedFile> files, ImportBudget budget) {
		Found found = new Found();
		for (UploadedFile file : files) {
			readOne(file.name(), budget.timed(new ByteArrayInputStream(file.content())), budget, found, true);
		}
		return found;
	}

	/**
	 * Reads one file, or every file in a zip, into what was found.
	 * @param topLevel whether it is an uploaded file, not one inside a zip: zips are
	 * opened only at the top
	 */
	void readOne(String name, InputStream content, ImportBudget budget, Found found, boolean topLevel) {
		try {
			BufferedInputStream in = new BufferedInputStream(content, SNIFF * 8);
			Format format = sniff(in, name);
			if (format == Format.GZIP) {
				in = new BufferedInputStream(budget.meter(new GZIPInputStream(in)), SNIFF * 8);
				format = sniff(in, name);
				if (format == Format.GZIP || format == Format.ZIP) {
					throw new UnreadableFileException("packedTwice");
				}
			}
			switch (format) {
				case ZIP -> {
					if (!topLevel) {
						throw new UnreadableFileException("zipInZip");
					}
					readZip(name, in, budget, found);
				}
				case FIT -> found.activities.addAll(this.fit.read(in, name, budget));
				case TCX -> found.activities.addAll(this.tcx.read(in, name, budget));
				case GPX -> found.activities.addAll(this.gpx.read(in, name, budget));
				case EMPTY -> throw new UnreadableFileException("empty");
				case XML -> throw new UnreadableFileException("otherXml");
				// a gzip within a gzip is refused above
				case GZIP, UNKNOWN -> throw new UnreadableFileException("format");
			}
		}
		catch (UnreadableFileException ex) {
			stopIfOverBudget(budget);
			found.skip(SkippedFile.unreadable(name, ex), budget);
		}
		catch (IOException | RuntimeException ex) {
			// a parser's failure: the limits first, as they may be what it failed on
			stopIfOverBudget(budget);
			if (ex instanceof ImportLimitException limit) {
				throw limit;
			}
			found.skip(SkippedFile.unreadable(name,
					new UnreadableFileException((ex instanceof java.io.EOFException) ? "truncated" : "damaged", ex)),
					budget);
		}
	}

	/**
	 * Reads every file of a zip, or none: what it held counts only once the whole zip is
	 * read, as a zip that breaks part-way cannot say which of its runs are whole.
	 */
	private void readZip(String name, InputStream zipped, ImportBudget budget, Found found)
			throws IOException, UnreadableFileException {
		byte[] zip = zipped.readAllBytes();
		if (StravaExport.isExport(zip)) {
			new StravaExport(this, this.clock).read(name, zip, budget, found);
			return;
		}
		Found inZip = new Found();
		boolean any = false;
		try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				InputStream content = budget.meter(new Unclosed(entries));
				if (!entry.isDirectory() && !ignoredEntry(entry.getName())) {
					any = true;
					readOne(FileNames.inZip(name, entry.getName()), content, budget, inZip, false);
				}
				// what was not read (a folder's or an archiver's entry, or what a reader
				// left), ZipInputStream unpacks anyway to reach the next entry: through
				// the meter and the clock, so a bomb in it still counts
				content.transferTo(OutputStream.nullOutputStream());
			}
		}
		if (!any) {
			throw new UnreadableFileException("emptyZip");
		}
		found.addAll(inZip);
	}

	/** Folders and files that archivers add of their own accord, not the runner's. */
	static boolean ignoredEntry(String entry) {
		String last = FileNames.displayName(entry);
		return entry.startsWith("__MACOSX/") || last.startsWith(".") || last.equalsIgnoreCase("Thumbs.db");
	}

	private static void stopIfOverBudget(ImportBudget budget) {
		if (budget.exceeded() != null) {
			throw budget.exceeded();
		}
	}

	private enum Format {

		EMPTY, GZIP, ZIP, FIT, TCX, GPX, XML, UNKNOWN

	}

	/** The format from the first bytes, or from the name where they say nothing. */
	private static Format sniff(BufferedInputStream in, String name) throws IOException {
		in.mark(SNIFF);
		byte[] head = in.readNBytes(SNIFF);
		in.reset();
		if (head.length == 0) {
			return Format.EMPTY;
		}
		if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
			return Format.GZIP;
		}
		// an entry's header, or the end record only where the zip is empty
		if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
				&& ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
			return Format.ZIP;
		}
		if (head.length >= 12 && (head[0] == 12 || head[0] == 14) && head[8] == '.' && head[9] == 'F' && head[10] == 'I'
				&& head[11] == 'T') {
			return Format.FIT;
		}
		String text = new String(head, StandardCharsets.UTF_8).stripLeading();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1).stripLeading();
		}
		if (text.startsWith("<")) {
			if (text.contains("<TrainingCenterDatabase")) {
				return Format.TCX;
			}
			if (text.contains("<gpx")) {
				return Format.GPX;
			}
			// a root further down than the first bytes: the name decides
			return switch (FileNames.format(name)) {
				case "tcx" -> Format.TCX;
				case "gpx" -> Format.GPX;
				default -> Format.XML;
			};
		}
		// the bytes are not a known format; a FIT file that lost its header is named as
		// damaged by its reader rather than as of an unknown type
		return FileNames.format(name).equals("fit") ? Format.FIT : Format.UNKNOWN;
	}

	/** An entry's stream that a reader may close without closing the zip around it. */
	private static final class Unclosed extends FilterInputStream {

		Unclosed(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
		}

	}

}
