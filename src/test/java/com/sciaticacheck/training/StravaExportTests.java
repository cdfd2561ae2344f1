package com.sciaticacheck.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static com.sciaticacheck.training.ExportZips.gzip;
import static com.sciaticacheck.training.ExportZips.utf8;
import static com.sciaticacheck.training.ExportZips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Strava's bulk export, built here as Strava writes it: the rows of the last weeks count,
 * from their files where there are files and from the list where there are none, in any
 * language the list is written in; older rows are not even opened. Most assertions are on
 * rows without a file, as the readers of the files are written in parallel: the few tests
 * that need one say so and skip until it reads.
 */
class StravaExportTests {

	/** The export's "now": rows from 40 days before it are read. */
	private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

	private static final String ENGLISH_HEADER = "Activity ID,Activity Date,Activity Name,Activity Type,"
			+ "Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,"
			+ "Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,"
			+ "Distance,Max Speed,Average Speed,Elevation Gain\r\n";

	/**
	 * Rows of every kind: a run whose description holds a comma, a line break and quotes;
	 * a trail run, a virtual run, a ride and a gym session without a distance; a run of
	 * last year whose file is not in the zip (never looked for), and a recent one whose
	 * file is missing.
	 */
	private static final String ENGLISH = ENGLISH_HEADER
			+ """
					101,"Feb 27, 2025, 6:14:12 PM",Evening Run,Run,"Easy, with friends
					then 4 ""strides""\",1900,5.02,171,20,false,,,,,,1900.0,1850.0,5020.5,4.1,2.7,35.0
					102,"Feb 20, 2025, 7:00:00 AM","Hills, hills",Trail Run,,4000,12.30,180,80,false,,Shoes,,,,4000.0,3900.0,12300.0,5.0,3.1,600.0
					103,"Feb 18, 2025, 12:30:00 PM",Treadmill,Virtual Run,,2400,8.00,,,false,,,,,,2400.0,2400.0,8000.0,,3.3,
					104,"Feb 15, 2025, 9:00:00 AM",Ride,Ride,,5400,40.10,,,true,,,,,,5400.0,5300.0,40100.0,,7.5,
					105,"Feb 14, 2025, 6:00:00 PM",Gym,Weight Training,,3600,,,,false,,,,,,3600.0,3600.0,,,,
					106,"Jan 2, 2024, 8:00:00 AM",Long ago,Run,,3000,10.00,,,false,,,activities/106.fit.gz,,,3000.0,3000.0,10000.0,,,
					107,"Feb 25, 2025, 7:00:00 AM",Lost file,Run,,1800,6.00,,,false,,,activities/107.gpx,,,1800.0,1800.0,6000.0,,,
					""";

	/** The same in German: its own header and words, dates day first, decimal commas. */
	private static final String GERMAN = """
			Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Beschreibung der Aktivität,\
			Verstrichene Zeit,Distanz,Max. Herzfrequenz,Relative Leistung,Pendeln,Private Notiz zur Aktivität,\
			Aktivitätsausrüstung,Dateiname,Athletengewicht,Fahrradgewicht,Verstrichene Zeit,Bewegungszeit,Distanz,\
			Max. Geschwindigkeit,Durchschnittsgeschwindigkeit,Höhenmeter bergauf
			101,"27.02.2025, 18:14:12",Abendlauf,Lauf,"Locker, mit Freunden
			dann 4 ""Steigerungen""\",1900,"5,02",171,20,false,,,,,,1900.0,1850.0,5020.5,4.1,2.7,35.0
			102,"20.02.2025, 07:00:00","Hügel, Hügel",Traillauf,,4000,"12,30",180,80,false,,Schuhe,,,,4000.0,3900.0,12300.0,5.0,3.1,600.0
			103,"18.02.2025, 12:30:00",Laufband,Virtueller Lauf,,2400,"8,00",,,false,,,,,,2400.0,2400.0,8000.0,,3.3,
			104,"15.02.2025, 09:00:00",Radfahrt,Radfahrt,,5400,"40,10",,,true,,,,,,5400.0,5300.0,40100.0,,7.5,
			105,"14.02.2025, 18:00:00",Kraft,Krafttraining,,3600,,,,false,,,,,,3600.0,3600.0,,,,
			106,"02.01.2024, 08:00:00",Lange her,Lauf,,3000,"10,00",,,false,,,activities/106.fit.gz,,,3000.0,3000.0,10000.0,,,
			107,"25.02.2025, 07:00:00",Verloren,Lauf,,1800,"6,00",,,false,,,activities/107.gpx,,,1800.0,1800.0,6000.0,,,
			""";

	private final TrainingFiles files = new TrainingFiles(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void anEnglishExportGivesItsRecentRowsAsActivities() throws Exception {
		TrainingFiles.Found found = read(zip(Map.of("activities.csv", utf8(ENGLISH))));
		assertThat(found.activities)
			.extracting(Activity::start, Activity::distanceMetres, Activity::type, Activity::sport, Activity::file)
			.containsExactly(
					tuple(Instant.parse("2025-02-27T18:14:12Z"), 5020.5, ActivityType.RUN, "Run",
							"export.zip/activities.csv, row 2"),
					// row 3: the description's line break did not start a row
					tuple(Instant.parse("2025-02-20T07:00:00Z"), 12300.0, ActivityType.TRAIL_RUN, "Trail Run",
							"export.zip/activities.csv, row 3"),
					tuple(Instant.parse("2025-02-18T12:30:00Z"), 8000.0, ActivityType.TREADMILL_RUN, "Virtual Run",
							"export.zip/activities.csv, row 4"),
					tuple(Instant.parse("2025-02-15T09:00:00Z"), 40100.0, ActivityType.NOT_RUNNING, "Ride",
							"export.zip/activities.csv, row 5"),
					tuple(Instant.parse("2025-02-14T18:00:00Z"), 0.0, ActivityType.NOT_RUNNING, "Weight Training",
							"export.zip/activities.csv, row 6"));
		assertThat(runningMetres(found)).isEqualTo(25320.5);
		// last year's run is not looked for; this year's lost file is named
		assertThat(found.skipped).extracting(SkippedFile::file, SkippedFile::reasonKey)
			.containsExactly(tuple("export.zip/107.gpx", "training.unreadable.stravaFileMissing"));
	}

	@Test
	void aGermanExportReadsAsTheEnglishOne() throws Exception {
		TrainingFiles.Found german = read(zip(Map.of("activities.csv", utf8(GERMAN))));
		TrainingFiles.Found english = read(zip(Map.of("activities.csv", utf8(ENGLISH))));
		assertThat(german.activities).extracting(Activity::start, Activity::distanceMetres, Activity::type)
			.containsExactlyElementsOf(english.activities.stream()
				.map((activity) -> tuple(activity.start(), activity.distanceMetres(), activity.type()))
				.toList());
		assertThat(german.activities).extracting(Activity::sport)
			.containsExactly("Lauf", "Traillauf", "Virtueller Lauf", "Radfahrt", "Krafttraining");
		assertThat(runningMetres(german)).isEqualTo(25320.5);
		assertThat(german.skipped).extracting(SkippedFile::reasonKey)
			.containsExactly("training.unreadable.stravaFileMissing");
	}

	@Test
	void anExportInMilesIsReadInMetresAndARowWithoutMetresTakesTheUnitOfTheOthers() throws Exception {
		String csv = ENGLISH_HEADER + """
				1,"Feb 27, 2025, 6:00:00 PM",A,Run,,1900,3.12,,,false,,,,,,1900.0,1850.0,5021.1,,,
				2,"Feb 26, 2025, 6:00:00 PM",B,Run,,1900,2.00,,,false,,,,,,1900.0,1850.0,,,,
				""";
		TrainingFiles.Found found = read(zip(Map.of("activities.csv", utf8(csv))));
		assertThat(found.activities).extracting(Activity::distanceMetres).containsExactly(5021.1, 2 * 1609.344);
	}

	@Test
	void anOlderExportIsReadByWhatItsColumnsHold() throws Exception {
		// before 2019: other names, fewer columns, the file in column 9, no metres
		String csv = """
				id,date,name,type,description,elapsed_time,distance,commute,gear,filename
				1,2025-02-27 18:00:00,Run,Run,,1900,5.0,false,,activities/1.txt
				2,2025-02-26 18:00:00,Run,Run,,1900,5.0,false,,
				3,2025-02-25 18:00:00,Yoga,Yoga,,1900,,false,,
				""";
		TrainingFiles.Found found = read(zip(entries("activities.csv", utf8(csv), "activities/1.txt", utf8("hello"))));
		// the file was found and opened (its bytes are no training file); the list's run
		// has no distance in a unit we know; the yoga needs none
		assertThat(found.skipped).extracting(SkippedFile::file, SkippedFile::reasonKey)
			.containsExactly(tuple("export.zip/1.txt", "training.unreadable.format"),
					tuple("export.zip/activities.csv, row 3", "training.unreadable.stravaNoDistance"));
		assertThat(found.activities).extracting(Activity::type, Activity::sport)
			.containsExactly(tuple(ActivityType.NOT_RUNNING, "Yoga"));
	}

	@Test
	void rowsOlderThanTheLookBackAreNeitherOpenedNorCounted() throws Exception {
		StringBuilder csv = new StringBuilder(ENGLISH_HEADER);
		for (int row = 0; row < 50; row++) {
			csv.append(row + ",\"Jan 2, 2024, 8:00:00 AM\",Old,Run,,3000,10.00,,,false,,,activities/old.fit.gz,,,"
					+ "3000.0,3000.0,10000.0,,,\n");
		}
		csv.append("99,\"Feb 27, 2025, 6:00:00 PM\",New,Run,,1900,5.00,,,false,,,,,,1900.0,1850.0,5000.0,,,\n");
		// a file of 2 MB that, opened, would take the budget of 1 MB past its limit
		byte[] zip = zip(entries("activities.csv", utf8(csv.toString()), "activities/old.fit.gz",
				gzip(new byte[2 * 1024 * 1024])));
		ImportBudget small = new ImportBudget(
				new TrainingSettings(DataSize.ofMegabytes(1), 2, Duration.ofSeconds(30), 1));
		TrainingFiles.Found found = new TrainingFiles.Found();
		new StravaExport(this.files, Clock.fixed(NOW, ZoneOffset.UTC)).read("export.zip", zip, small, found);
		assertThat(found.activities).extracting(Activity::distanceMetres).containsExactly(5000.0);
		assertThat(found.skipped).isEmpty();
		assertThat(small.exceeded()).isNull();
	}

	@Test
	void anExportWithNothingRecentSaysSo() throws Exception {
		String csv = ENGLISH_HEADER
				+ "1,\"Jan 2, 2024, 8:00:00 AM\",Old,Run,,3000,10.00,,,false,,,,,,3000.0,3000.0,10000.0,,,\n";
		TrainingFiles.Found found = read(zip(Map.of("activities.csv", utf8(csv))));
		assertThat(found.activities).isEmpty();
		assertThat(found.skipped).extracting(SkippedFile::file, SkippedFile::reasonKey)
			.containsExactly(tuple("export.zip", "training.skipped.stravaNothingRecent"));
	}

	@Test
	void aRowWithoutADateWeCanReadIsSkippedWithItsReason() throws Exception {
		String csv = ENGLISH_HEADER + """
				1,02/03/2025 18:00,Ambiguous,Run,,1900,5.00,,,false,,,,,,1900.0,1850.0,5000.0,,,
				2,"Feb 27, 2025, 6:00:00 PM",Fine,Run,,1900,5.00,,,false,,,,,,1900.0,1850.0,5000.0,,,
				""";
		TrainingFiles.Found found = read(zip(Map.of("activities.csv", utf8(csv))));
		assertThat(found.activities).extracting(Activity::file).containsExactly("export.zip/activities.csv, row 3");
		assertThat(found.skipped).extracting(SkippedFile::file, SkippedFile::reasonKey)
			.containsExactly(tuple("export.zip/activities.csv, row 2", "training.unreadable.stravaNoDate"));
	}

	@Test
	void anExportMayBeInOneFolderButNoDeeper() throws Exception {
		String csv = ENGLISH_HEADER
				+ "1,\"Feb 27, 2025, 6:00:00 PM\",A,Run,,1900,5.00,,,false,,,activities/1.txt,,,1900.0,1850.0,5000.0,,,\n";
		byte[] inFolder = zip(entries("export_12345/", new byte[0], "export_12345/activities.csv", utf8(csv),
				"export_12345/activities/1.txt", utf8("hello")));
		assertThat(StravaExport.isExport(inFolder)).isTrue();
		// its file is looked for in its folder: found, and opened
		assertThat(read(inFolder).skipped).extracting(SkippedFile::file, SkippedFile::reasonKey)
			.containsExactly(tuple("export.zip/1.txt", "training.unreadable.format"));
		assertThat(StravaExport.isExport(zip(Map.of("a/b/activities.csv", utf8(csv))))).isFalse();
		assertThat(StravaExport.isExport(zip(Map.of("__MACOSX/activities.csv", utf8(csv))))).isFalse();
		// Garmin Connect's list, beside FIT files: read as the zip of files it is
		assertThat(StravaExport.isExport(zip(Map.of("Activities.csv", utf8(csv))))).isFalse();
		assertThat(StravaExport.isExport(zip(Map.of("run.gpx", utf8("<gpx/>"))))).isFalse();
		assertThat(StravaExport.isExport(zip(Map.of()))).isFalse();
		assertThat(StravaExport.isExport(new byte[0])).isFalse();
		assertThat(StravaExport.isExport(utf8("PK\u0003\u0004 and then nothing a zip has"))).isFalse();
	}

	@Test
	void anExportWithoutRowsOrWithABrokenListDoesNotCount() throws Exception {
		assertThat(reasonOf(zip(Map.of("activities.csv", utf8(ENGLISH_HEADER)))))
			.isEqualTo("training.unreadable.stravaEmpty");
		assertThat(reasonOf(zip(Map.of("activities.csv", new byte[0])))).isEqualTo("training.unreadable.stravaList");
		assertThat(reasonOf(zip(Map.of("activities.csv", utf8("just,three,columns\n1,2,3\n")))))
			.isEqualTo("training.unreadable.stravaList");
		// a quote still open at the end: the good rows before it do not count either
		String open = ENGLISH + "108,\"Feb 28, 2025, 7:00:00 AM\",Cut,Run,\"A description cut short";
		TrainingFiles.Found found = new TrainingFiles.Found();
		assertThatExceptionOfType(UnreadableFileException.class)
			.isThrownBy(
					() -> exportNow().read("export.zip", zip(Map.of("activities.csv", utf8(open))), budget(), found))
			.extracting(UnreadableFileException::reasonKey)
			.isEqualTo("training.unreadable.stravaList");
		assertThat(found.activities).isEmpty();
	}

	@Test
	void aListStoredWithoutCompressionIsReadToo() throws Exception {
		byte[] csv = utf8(ENGLISH);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			ZipEntry entry = new ZipEntry("activities.csv");
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(csv.length);
			CRC32 crc = new CRC32();
			crc.update(csv);
			entry.setCrc(crc.getValue());
			zip.putNextEntry(entry);
			zip.write(csv);
			zip.closeEntry();
		}
		assertThat(runningMetres(read(bytes.toByteArray()))).isEqualTo(25320.5);
	}

	/** Needs the TCX reader: skips until it reads. */
	@Test
	void theFileOfARowIsReadByItsReaderAndWinsOverTheList() throws Exception {
		Instant start = Instant.parse("2025-02-26T07:00:00Z");
		String csv = ENGLISH_HEADER
				+ """
						201,"Feb 26, 2025, 7:00:00 AM",Packed,Run,,1800,9.99,,,false,,,activities/201.tcx.gz,,,1800.0,1800.0,9990.0,,,
						202,"Feb 27, 2025, 7:00:00 AM",Plain,Run,,1800,9.99,,,false,,,activities/202.tcx,,,1800.0,1800.0,9990.0,,,
						""";
		byte[] zip = zip(
				entries("activities.csv", utf8(csv), "activities/201.tcx.gz", gzip(utf8(SmallFiles.tcx(start, 5000))),
						"activities/202.tcx", utf8(SmallFiles.tcx(start.plus(Duration.ofDays(1)), 6000))));
		TrainingFiles.Found found = read(zip);
		assertThat(found.skipped).isEmpty();
		assertThat(found.activities)
			.extracting(Activity::start, Activity::distanceMetres, Activity::type, Activity::file)
			.containsExactly(tuple(start, 5000.0, ActivityType.RUN, "export.zip/201.tcx.gz"),
					tuple(start.plus(Duration.ofDays(1)), 6000.0, ActivityType.RUN, "export.zip/202.tcx"));
	}

	/**
	 * A FIT file Strava's Android app recorded, in an export: it gives what the FIT
	 * reader gives for it alone. Needs the FIT reader and the shared fixtures: skips
	 * until both are there.
	 */
	@Test
	void aRealFitFileInAnExportGivesWhatItsReaderGives() throws Exception {
		Path fixture = Path.of("../shared/fixtures/training/activity-small-fenix2-run.fit");
		assumeTrue(Files.isRegularFile(fixture), "../shared/fixtures/training is not there");
		byte[] fit = Files.readAllBytes(fixture);
		List<Activity> alone = ExportZips.readWith(new FitReader(), fit, "1.fit.gz");
		assertThat(alone).as("the Fenix 2 run").hasSize(1);
		// the row's date is unreadable on purpose: the file is read whatever its age
		String csv = ENGLISH_HEADER
				+ "1,no date,Run,Run,,1900,5.00,,,false,,,activities/1.fit.gz,,,1900.0,1850.0,5000.0,,,\n";
		TrainingFiles.Found found = read(zip(entries("activities.csv", utf8(csv), "activities/1.fit.gz", gzip(fit))));
		assertThat(found.activities).extracting(Activity::start, Activity::distanceMetres, Activity::type)
			.containsExactlyElementsOf(alone.stream()
				.map((activity) -> tuple(activity.start(), activity.distanceMetres(), activity.type()))
				.toList());
	}

	@Test
	void runsAreToldInTheLanguagesWeAreSureOf() {
		assertThat(List.of("Run", "Lauf", "Course à pied", "Carrera", "Corsa", "Hardlopen", "Corrida", " run "))
			.allSatisfy((type) -> assertThat(StravaTypes.typeOf(type)).as(type).isEqualTo(ActivityType.RUN));
		assertThat(List.of("Trail Run", "Traillauf", "Trail"))
			.allSatisfy((type) -> assertThat(StravaTypes.typeOf(type)).as(type).isEqualTo(ActivityType.TRAIL_RUN));
		assertThat(List.of("Virtual Run", "Virtueller Lauf", "Carrera virtual", "Corsa virtuale", "Treadmill"))
			.allSatisfy((type) -> assertThat(StravaTypes.typeOf(type)).as(type).isEqualTo(ActivityType.TREADMILL_RUN));
		assertThat(Arrays.asList("Ride", "Walk", "Hike", "Virtual Ride", "Skilanglauf", "Eislaufen", "Course", "",
				"Weight Training", null))
			.allSatisfy((type) -> assertThat(StravaTypes.typeOf(type)).as(type).isEqualTo(ActivityType.NOT_RUNNING));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en-US", "en-GB", "de", "fr", "es", "es-419", "it", "nl", "pt", "pt-BR", "ru", "ja",
			"zh-CN", "zh-TW", "ko", "pl", "sv", "da", "nb", "fi", "tr", "cs", "id", "uk", "hu", "el", "ro", "vi" })
	void datesAreReadAsEachLanguageWritesThem(String language) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(Locale.forLanguageTag(language));
		for (LocalDateTime date : List.of(LocalDateTime.of(2023, 2, 4, 18, 14, 12),
				LocalDateTime.of(2024, 11, 24, 0, 4, 2), LocalDateTime.of(2025, 5, 9, 12, 0, 59))) {
			String text = format.format(date);
			assertThat(StravaDates.parse(text)).as(text).isEqualTo(date.toInstant(ZoneOffset.UTC));
		}
	}

	@Test
	void datesThatCannotBeToldApartAreNotGuessed() {
		assertThat(StravaDates.parse("2018-07-07 17:04:11")).isEqualTo(Instant.parse("2018-07-07T17:04:11Z"));
		assertThat(StravaDates.parse("13/04/2023 18:14")).isEqualTo(Instant.parse("2023-04-13T18:14:00Z"));
		assertThat(StravaDates.parse("04/13/2023 6:14 PM")).isEqualTo(Instant.parse("2023-04-13T18:14:00Z"));
		assertThat(StravaDates.parse("02/04/2023 18:14")).isNull();
		assertThat(StravaDates.parse("Feb 30, 2023, 1:00:00 PM")).isNull();
		assertThat(StravaDates.parse("Feb 4, 2023, 13:00:00 PM")).isNull();
		assertThat(StravaDates.parse("Feb 4, 2023")).isNull();
		assertThat(StravaDates.parse("6:14:12 PM")).isNull();
		assertThat(StravaDates.parse("")).isNull();
	}

	@Test
	void everyReasonHasItsWords() throws IOException {
		Properties messages = new Properties();
		try (var in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		assertThat(List.of("training.unreadable.stravaList", "training.unreadable.stravaEmpty",
				"training.unreadable.stravaFileMissing", "training.unreadable.stravaNoDate",
				"training.unreadable.stravaNoDistance", "training.skipped.stravaNothingRecent"))
			.filteredOn((key) -> !messages.containsKey(key))
			.as("reasons without words in messages.properties")
			.isEmpty();
	}

	private TrainingFiles.Found read(byte[] zip) throws UnreadableFileException {
		TrainingFiles.Found found = new TrainingFiles.Found();
		exportNow().read("export.zip", zip, budget(), found);
		return found;
	}

	private String reasonOf(byte[] zip) {
		try {
			read(zip);
			return "read";
		}
		catch (UnreadableFileException ex) {
			return ex.reasonKey();
		}
	}

	private StravaExport exportNow() {
		return new StravaExport(this.files, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static ImportBudget budget() {
		return ExportZips.budget();
	}

	private static double runningMetres(TrainingFiles.Found found) {
		return found.activities.stream()
			.filter((activity) -> activity.type().running())
			.mapToDouble(Activity::distanceMetres)
			.sum();
	}

	/** Entries in the order given: name, content, name, content... */
	private static Map<String, byte[]> entries(Object... namesAndContents) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 0; i < namesAndContents.length; i += 2) {
			entries.put((String) namesAndContents[i], (byte[]) namesAndContents[i + 1]);
		}
		return entries;
	}

}
