package com.sciaticacheck.training;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.sciaticacheck.training.ExportZips.gzip;
import static com.sciaticacheck.training.ExportZips.utf8;
import static com.sciaticacheck.training.ExportZips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The files of an import, whatever the runner sends: each is recognised by its bytes, a
 * file that cannot be read is skipped with its reason, and a zip or gzip bomb, or more
 * activities than an import holds, ends the import with its limit. Nothing else ever
 * comes out, and nothing takes long.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrainingFilesTests {

	/** More than the 200 MB an import may unpack. */
	private static final long BOMB_SIZE = 250L * 1024 * 1024;

	private final TrainingFiles files = new TrainingFiles(java.time.Clock.systemUTC());

	@Test
	void anEmptyFileIsSkipped() {
		assertThat(skipped(new UploadedFile("run.fit", new byte[0]))).containsExactly(tuple("run.fit", "empty"));
	}

	@Test
	void aFileOfAnotherKindIsSkipped() {
		assertThat(skipped(new UploadedFile("notes.txt", utf8("Ran 5 km today, felt fine.")),
				new UploadedFile("route.kml", utf8("<?xml version=\"1.0\"?><kml><Document/></kml>"))))
			.containsExactly(tuple("notes.txt", "format"), tuple("route.kml", "otherXml"));
	}

	@Test
	void aZipIsKnownByItsBytesWhateverItsName() {
		byte[] zip = zip(Map.of("notes.txt", utf8("hello")));
		assertThat(skipped(new UploadedFile("run.fit", zip))).containsExactly(tuple("run.fit/notes.txt", "format"));
	}

	/** Needs the GPX reader: skips until it reads. */
	@Test
	void aGpxNamedFitIsReadAsGpx() {
		byte[] gpx = utf8(SmallFiles.gpx(Instant.parse("2025-01-01T10:00:00Z")));
		TrainingFiles.Found asFit = read(new UploadedFile("run.fit", gpx));
		TrainingFiles.Found asGpx = read(new UploadedFile("run.gpx", gpx));
		assertThat(asFit.skipped).isEmpty();
		assertThat(asFit.activities).extracting(Activity::start, Activity::distanceMetres)
			.isNotEmpty()
			.containsExactlyElementsOf(asGpx.activities.stream()
				.map((activity) -> tuple(activity.start(), activity.distanceMetres()))
				.toList());
	}

	@Test
	void aZipBombEndsTheImport() {
		byte[] bomb = ExportZips.zipBomb("zeros.fit", new byte[0], new byte[] { 0 }, BOMB_SIZE);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertLimit(ImportLimitException.Limit.TOO_LARGE_UNPACKED, new UploadedFile("bomb.zip", bomb));
	}

	@Test
	void aBombInAnEntryNoReaderOpensStillEndsTheImport() {
		// an archiver's own entry is not read, but ZipInputStream unpacks it to pass it
		byte[] bomb = ExportZips.zipBomb("__MACOSX/._zeros.fit", new byte[0], new byte[] { 0 }, BOMB_SIZE);
		assertLimit(ImportLimitException.Limit.TOO_LARGE_UNPACKED, new UploadedFile("bomb.zip", bomb));
	}

	@Test
	void aZipThatBreaksPartWayCountsNoneOfItsRuns() {
		byte[] whole = zip(new java.util.LinkedHashMap<>(
				Map.of("a.gpx", utf8(SmallFiles.gpx(Instant.parse("2025-01-01T10:00:00Z"))))));
		byte[] second = utf8(SmallFiles.gpx(Instant.parse("2025-01-02T10:00:00Z")).repeat(50));
		java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		entries.put("a.gpx", utf8(SmallFiles.gpx(Instant.parse("2025-01-01T10:00:00Z"))));
		entries.put("b.gpx", second);
		byte[] zip = zip(entries);
		// cut inside the second entry's packed data: the first entry is whole
		byte[] cut = java.util.Arrays.copyOf(zip, whole.length - 22 + 60);

		TrainingFiles.Found found = read(new UploadedFile("export.zip", cut));

		assertThat(found.activities).isEmpty();
		assertThat(found.skipped).extracting(SkippedFile::file).containsExactly("export.zip");
	}

	@Test
	void aZipOfManyEmptyFilesStopsAtTheLimitRatherThanListThemAll() {
		java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		for (int i = 0; i < 2_500; i++) {
			entries.put("empty-" + i + ".fit", new byte[0]);
		}
		assertLimit(ImportLimitException.Limit.TOO_MANY_ACTIVITIES, new UploadedFile("many.zip", zip(entries)));
	}

	@Test
	void aStravaListThatIsABombEndsTheImportWithoutHoldingIt() {
		byte[] head = utf8("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
				+ "Distance\n1,\"Feb 27, 2025, 6:00:00 PM\",Run,Run,\"");
		byte[] bomb = ExportZips.zipBomb("activities.csv", head, utf8("a"), BOMB_SIZE);
		assertLimit(ImportLimitException.Limit.TOO_LARGE_UNPACKED, new UploadedFile("export.zip", bomb));
	}

	@Test
	void aBombInAStravaExportThatNoRowNamesIsNeverUnpacked() {
		String csv = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
				+ "Distance,Filename,Distance\n1,\"" + english(Instant.now().minusSeconds(3600))
				+ "\",Run,Run,,1900,5.00,,5000.0\n";
		byte[] export = ExportZips.zipBomb(Map.of("activities.csv", utf8(csv)), "media/huge.bin", new byte[0],
				new byte[] { 0 }, BOMB_SIZE);
		TrainingFiles.Found found = read(new UploadedFile("export.zip", export));
		assertThat(found.activities).extracting(Activity::distanceMetres).containsExactly(5000.0);
		assertThat(found.skipped).isEmpty();
	}

	/** A GPX that unpacks to more than the limit, read as far as the limit. */
	@Test
	void aGzipBombEndsTheImport() {
		byte[] head = utf8("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"bomb\" "
				+ "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n");
		byte[] bomb = ExportZips.gzipBomb(head, utf8("<!-- padding -->\n"), BOMB_SIZE);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		UploadedFile file = new UploadedFile("run.gpx.gz", bomb);
		Throwable thrown = catchThrowable(() -> this.files.read(List.of(file), ExportZips.budget()));
		assertThat(thrown).isInstanceOfSatisfying(ImportLimitException.class,
				(limit) -> assertThat(limit.limit()).isEqualTo(ImportLimitException.Limit.TOO_LARGE_UNPACKED));
	}

	@Test
	void aZipInAZipIsSkipped() {
		byte[] inner = zip(Map.of("run.gpx", utf8("<gpx/>")));
		assertThat(skipped(new UploadedFile("outer.zip", zip(Map.of("inner.zip", inner))),
				new UploadedFile("twice.gz", gzip(gzip(utf8("<gpx/>"))))))
			.containsExactly(tuple("outer.zip/inner.zip", "zipInZip"), tuple("twice.gz", "packedTwice"));
	}

	@Test
	void anEmptyZipIsSkipped() {
		Map<String, byte[]> onlyArchiversFiles = new LinkedHashMap<>();
		onlyArchiversFiles.put("__MACOSX/._run.gpx", utf8("x"));
		onlyArchiversFiles.put(".DS_Store", utf8("x"));
		onlyArchiversFiles.put("runs/", new byte[0]);
		assertThat(skipped(new UploadedFile("empty.zip", zip(Map.of())),
				new UploadedFile("junk.zip", zip(onlyArchiversFiles))))
			.containsExactly(tuple("empty.zip", "emptyZip"), tuple("junk.zip", "emptyZip"));
	}

	@Test
	void aCorruptZipIsSkipped() {
		byte[] whole = zip(Map.of("notes.txt", utf8("hello ".repeat(1000))));
		byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
		byte[] garbage = java.util.Arrays.copyOf(whole, whole.length);
		for (int i = 40; i < garbage.length; i++) {
			garbage[i] = (byte) (i * 31);
		}
		TrainingFiles.Found found = read(new UploadedFile("half.zip", half), new UploadedFile("garbage.zip", garbage));
		assertThat(found.activities).isEmpty();
		for (String zip : List.of("half.zip", "garbage.zip")) {
			assertThat(found.skipped).as(zip)
				.anySatisfy((skip) -> assertThat(skip.file()).startsWith(zip))
				.filteredOn((skip) -> skip.file().startsWith(zip))
				.allSatisfy((skip) -> assertThat(skip.reasonKey()).isIn("training.unreadable.truncated",
						"training.unreadable.damaged", "training.unreadable.format"));
		}
	}

	@Test
	void tenThousandActivitiesEndTheImport() {
		StringBuilder csv = new StringBuilder("Activity ID,Activity Date,Activity Name,Activity Type,"
				+ "Activity Description,Elapsed Time,Distance,Filename,Distance\n");
		Instant now = Instant.now();
		for (int row = 0; row < 10_000; row++) {
			csv.append(row)
				.append(",\"")
				.append(english(now.minusSeconds(60L * row)))
				.append("\",Run,Run,,60,0.20,,200.0\n");
		}
		assertLimit(ImportLimitException.Limit.TOO_MANY_ACTIVITIES,
				new UploadedFile("export.zip", zip(Map.of("activities.csv", utf8(csv.toString())))));
	}

	private void assertLimit(ImportLimitException.Limit limit, UploadedFile file) {
		assertThatExceptionOfType(ImportLimitException.class)
			.isThrownBy(() -> this.files.read(List.of(file), ExportZips.budget()))
			.extracting(ImportLimitException::limit)
			.isEqualTo(limit);
	}

	private TrainingFiles.Found read(UploadedFile... files) {
		return this.files.read(List.of(files), ExportZips.budget());
	}

	/** What was skipped: the file, and the reason without its "training.unreadable." */
	private List<org.assertj.core.groups.Tuple> skipped(UploadedFile... files) {
		TrainingFiles.Found found = read(files);
		assertThat(found.activities).isEmpty();
		return found.skipped.stream()
			.map((skip) -> tuple(skip.file(), skip.reasonKey().replace("training.unreadable.", "")))
			.toList();
	}

	private static String english(Instant instant) {
		return DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.ENGLISH)
			.format(instant.atOffset(ZoneOffset.UTC));
	}

}
