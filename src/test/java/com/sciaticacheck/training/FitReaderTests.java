package com.sciaticacheck.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.garmin.fit.BufferEncoder;
import com.garmin.fit.CRC;
import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.DeveloperDataIdMesg;
import com.garmin.fit.DeveloperField;
import com.garmin.fit.FieldDescriptionMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.FitBaseType;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.Mesg;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.MesgDefinition;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SessionMesgListener;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Our own FIT decoder against files of every shape: written here with Garmin's SDK
 * encoder or byte by byte, and recorded by real watches, whose sessions Garmin's own
 * decoder reads too so that each start and distance is checked against a second parser.
 */
class FitReaderTests {

	private static final Path REAL_FILES = Path.of("../shared/fixtures/training");

	private static final Instant MORNING = Instant.parse("2024-05-01T06:30:00Z");

	private static final int ENUM = 0x00;

	private static final int UINT8 = 0x02;

	private static final int UINT32 = 0x86;

	private final FitReader reader = new FitReader();

	// --- Files written with Garmin's encoder ---

	@Test
	void aRunIsOneRunWithItsStartAndDistance() throws Exception {
		byte[] file = activity(withRecords(3000, session(MORNING, Sport.RUNNING, SubSport.STREET, 10_000.25f)));
		assertThat(file.length).as("records across many blocks of the reader").isGreaterThan(50_000);
		assertThat(read(file)).containsExactly(new Activity(MORNING, 10_000.25, ActivityType.RUN, "running", "a.fit"));
	}

	@Test
	void eachKindOfRunIsItsType() throws Exception {
		Map<SubSport, ActivityType> kinds = Map.of(SubSport.GENERIC, ActivityType.RUN, SubSport.STREET,
				ActivityType.RUN, SubSport.TRACK, ActivityType.RUN, SubSport.TRAIL, ActivityType.TRAIL_RUN,
				SubSport.TREADMILL, ActivityType.TREADMILL_RUN, SubSport.INDOOR_RUNNING, ActivityType.TREADMILL_RUN,
				SubSport.VIRTUAL_ACTIVITY, ActivityType.TREADMILL_RUN);
		for (Map.Entry<SubSport, ActivityType> kind : kinds.entrySet()) {
			List<Activity> read = read(activity(session(MORNING, Sport.RUNNING, kind.getKey(), 8012.75f)));
			assertThat(read).as("sub sport %s", kind.getKey())
				.containsExactly(new Activity(MORNING, 8012.75, kind.getValue(), "running", "a.fit"));
		}
	}

	@Test
	void aRunWithoutSubSportIsARun() throws Exception {
		SessionMesg session = session(MORNING, Sport.RUNNING, SubSport.GENERIC, 5000f);
		session.removeField(session.getField(SessionMesg.SubSportFieldNum));
		assertThat(read(activity(session))).extracting(Activity::type).containsExactly(ActivityType.RUN);
	}

	@Test
	void otherSportsAreNotRunsAndSayWhatTheyWere() throws Exception {
		Map<Sport, String> sports = Map.of(Sport.CYCLING, "cycling", Sport.WALKING, "walking", Sport.SWIMMING,
				"swimming", Sport.GENERIC, "generic", Sport.HIKING, "hiking", Sport.E_BIKING, "e-biking",
				Sport.STAND_UP_PADDLEBOARDING, "stand up paddleboarding", Sport.WHEELCHAIR_PUSH_RUN,
				"wheelchair push run");
		for (Map.Entry<Sport, String> sport : sports.entrySet()) {
			// a treadmill walk or an indoor ride is still not a run
			List<Activity> read = read(activity(session(MORNING, sport.getKey(), SubSport.TREADMILL, 30_000.5f)));
			assertThat(read).as("sport %s", sport.getKey())
				.containsExactly(new Activity(MORNING, 30_000.5, ActivityType.NOT_RUNNING, sport.getValue(), "a.fit"));
		}
	}

	@Test
	void aSportWithoutANameIsNamedByItsNumberAndAMissingOneNotAtAll() throws Exception {
		SessionMesg future = session(MORNING, Sport.RUNNING, SubSport.GENERIC, 1000f);
		future.setFieldValue(SessionMesg.SportFieldNum, (short) 200);
		SessionMesg none = session(MORNING, Sport.RUNNING, SubSport.GENERIC, 1000f);
		none.removeField(none.getField(SessionMesg.SportFieldNum));
		assertThat(read(activity(future, none))).extracting(Activity::type, Activity::sport)
			.containsExactly(tuple(ActivityType.NOT_RUNNING, "sport 200"), tuple(ActivityType.NOT_RUNNING, null));
	}

	@Test
	void eachSessionOfAFileIsAnActivity() throws Exception {
		Instant bike = MORNING.plusSeconds(1800);
		Instant run = MORNING.plusSeconds(5400);
		byte[] file = activity(session(MORNING, Sport.RUNNING, SubSport.STREET, 5000.5f),
				session(bike, Sport.CYCLING, SubSport.ROAD, 40_000f),
				session(run, Sport.RUNNING, SubSport.TRAIL, 10_000.75f));
		assertThat(read(file)).containsExactly(new Activity(MORNING, 5000.5, ActivityType.RUN, "running", "a.fit"),
				new Activity(bike, 40_000, ActivityType.NOT_RUNNING, "cycling", "a.fit"),
				new Activity(run, 10_000.75, ActivityType.TRAIL_RUN, "running", "a.fit"));
		assertThat(read(file)).usingRecursiveFieldByFieldElementComparator().isEqualTo(fromGarmin(file, "a.fit"));
	}

	@Test
	void bothByteOrdersAndDeveloperFieldsReadTheSame() throws Exception {
		BufferEncoder encoder = encoder();
		DeveloperDataIdMesg developer = new DeveloperDataIdMesg();
		for (int i = 0; i < 16; i++) {
			developer.setApplicationId(i, (byte) i);
		}
		developer.setDeveloperDataIndex((short) 0);
		encoder.write(developer);
		FieldDescriptionMesg power = new FieldDescriptionMesg();
		power.setDeveloperDataIndex((short) 0);
		power.setFieldDefinitionNumber((short) 0);
		power.setFitBaseTypeId(FitBaseType.UINT16);
		power.setFieldName(0, "Power");
		encoder.write(power);
		SessionMesg session = session(MORNING, Sport.RUNNING, SubSport.TRAIL, 21_097.5f);
		DeveloperField watts = new DeveloperField(power, developer);
		watts.setValue(300);
		session.addDeveloperField(watts);
		RecordMesg record = new RecordMesg();
		record.setTimestamp(new DateTime(MORNING));
		record.setDistance(12.5f);
		DeveloperField recordWatts = new DeveloperField(power, developer);
		recordWatts.setValue(280);
		record.addDeveloperField(recordWatts);
		// Garmin's encoder writes big endian unless told otherwise; watches little endian
		encoder.write(new LittleEndian(record));
		encoder.write(record);
		encoder.write(new LittleEndian(session));
		encoder.write(session);
		// a second session after the first's developer field shows its bytes were passed
		encoder.write(session(MORNING.plusSeconds(7200), Sport.RUNNING, SubSport.TREADMILL, 3000f));
		byte[] file = encoder.close();
		assertThat(read(file)).containsExactly(
				new Activity(MORNING, 21_097.5, ActivityType.TRAIL_RUN, "running", "a.fit"),
				new Activity(MORNING.plusSeconds(7200), 3000, ActivityType.TREADMILL_RUN, "running", "a.fit"));
		assertThat(read(file)).isEqualTo(fromGarmin(file, "a.fit"));
	}

	@Test
	void chainedFilesAreReadOneAfterTheOther() throws Exception {
		byte[] first = activity(session(MORNING, Sport.RUNNING, SubSport.STREET, 5000f));
		byte[] second = activity(session(MORNING.plusSeconds(86_400), Sport.RUNNING, SubSport.TRAIL, 7000.25f));
		byte[] chained = concat(first, second);
		assertThat(read(chained)).containsExactly(new Activity(MORNING, 5000, ActivityType.RUN, "running", "a.fit"),
				new Activity(MORNING.plusSeconds(86_400), 7000.25, ActivityType.TRAIL_RUN, "running", "a.fit"));
		assertThat(read(chained)).isEqualTo(fromGarmin(chained, "a.fit"));
	}

	@Test
	void aSessionWithoutStartTimeStartsAtItsEndAndOneWithoutDistanceWentNowhere() throws Exception {
		SessionMesg noStart = session(MORNING, Sport.RUNNING, SubSport.STREET, 5000f);
		noStart.removeField(noStart.getField(SessionMesg.StartTimeFieldNum));
		SessionMesg noDistance = session(MORNING, Sport.RUNNING, SubSport.STREET, 5000f);
		noDistance.removeField(noDistance.getField(SessionMesg.TotalDistanceFieldNum));
		assertThat(read(activity(noStart, noDistance))).containsExactly(
				new Activity(MORNING.plusSeconds(3600), 5000, ActivityType.RUN, "running", "a.fit"),
				new Activity(MORNING, 0, ActivityType.RUN, "running", "a.fit"));
	}

	@Test
	void aFileWithoutSessionsHasNoActivity() throws Exception {
		assertThat(reason(activity(withRecords(10)))).isEqualTo("training.unreadable.noSession");
		SessionMesg timeless = session(MORNING, Sport.RUNNING, SubSport.STREET, 5000f);
		timeless.removeField(timeless.getField(SessionMesg.StartTimeFieldNum));
		timeless.removeField(timeless.getField(SessionMesg.TimestampFieldNum));
		assertThat(reason(activity(timeless))).isEqualTo("training.unreadable.noSession");
	}

	@Test
	void everySessionCountsTowardsTheImportsLimit() throws Exception {
		SessionMesg[] sessions = new SessionMesg[2001];
		Arrays.fill(sessions, session(MORNING, Sport.CYCLING, SubSport.ROAD, 1000f));
		assertThatExceptionOfType(ImportLimitException.class).isThrownBy(() -> read(activity(sessions)))
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(ImportLimitException.Limit.TOO_MANY_ACTIVITIES));
	}

	@Test
	void aGzippedFitFileIsReadThroughTheImport() throws Exception {
		byte[] file = activity(session(MORNING, Sport.RUNNING, SubSport.TRAIL, 12_000.5f));
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
			out.write(file);
		}
		TrainingFiles.Found found = new TrainingFiles(java.time.Clock.systemUTC())
			.read(List.of(new UploadedFile("run.fit.gz", gzipped.toByteArray())), budget());
		assertThat(found.skipped).isEmpty();
		assertThat(found.activities)
			.containsExactly(new Activity(MORNING, 12_000.5, ActivityType.TRAIL_RUN, "running", "run.fit.gz"));
	}

	// --- Files written byte by byte ---

	@Test
	void compressedTimestampHeadersAndBigEndianSessionsAreRead() throws Exception {
		long start = fitTime(MORNING);
		FitBytes bytes = new FitBytes().definition(0, false, 0, 0, 1, ENUM, 4, 4, UINT32)
			.u8(0x00, 4)
			.number(start, 4, false)
			.definition(3, false, 20, 253, 4, UINT32, 5, 4, UINT32)
			.u8(0x03)
			.number(start, 4, false)
			.number(0, 4, false)
			// a record whose time is in its header alone
			.definition(1, false, 20, 5, 4, UINT32);
		for (int second = 1; second <= 40; second++) {
			// local type 1 with the time's last 5 bits: it rolls over at 32
			bytes.u8(0x80 | (1 << 5) | (int) ((start + second) & 0x1F)).number(second * 300L, 4, false);
		}
		bytes.definition(2, true, 18, 2, 4, UINT32, 5, 1, ENUM, 6, 1, ENUM, 9, 4, UINT32)
			.u8(0x80 | (2 << 5) | (int) ((start + 41) & 0x1F))
			.number(start, 4, true)
			.u8(1, 3)
			.number(12_345, 4, true);
		byte[] file = bytes.file();
		assertThat(read(file))
			.containsExactly(new Activity(MORNING, 123.45, ActivityType.TRAIL_RUN, "running", "a.fit"));
		assertThat(read(file)).isEqualTo(fromGarmin(file, "a.fit"));
	}

	@Test
	void fieldsOfUnexpectedSizesOrTypesAreNotGuessedAt() throws Exception {
		long start = fitTime(MORNING);
		// distance as an array of two, sport in 2 bytes as an enum of 1, a field of no
		// bytes
		byte[] file = new FitBytes().definition(0, false, 18, 2, 4, UINT32, 7, 0, UINT8, 5, 2, ENUM, 9, 8, UINT32)
			.u8(0x00)
			.number(start, 4, false)
			.number(1, 2, false)
			.number(5000, 4, false)
			.number(5000, 4, false)
			.file();
		assertThat(read(file)).containsExactly(new Activity(MORNING, 0, ActivityType.NOT_RUNNING, null, "a.fit"));
	}

	@Test
	void absurdOrBrokenDefinitionsGiveAReasonNotAnException() {
		// the largest definition there can be, then the file ends
		FitBytes largest = new FitBytes().u8(0x40, 0, 0, 18, 0, 255);
		for (int field = 0; field < 255; field++) {
			largest.u8(field, 255, 0x0D);
		}
		largest.u8(0x00);
		assertThat(reason(largest.file(0xFFFF_FFF0L))).isEqualTo("training.unreadable.truncated");
		// a byte order that is neither
		assertThat(reason(new FitBytes().u8(0x40, 0, 7, 18, 0, 0).file())).isEqualTo("training.unreadable.damaged");
		// data before any definition
		assertThat(reason(new FitBytes().u8(0x03, 1, 2, 3).file())).isEqualTo("training.unreadable.damaged");
		// a record that runs past the end the header gives
		byte[] overrun = new FitBytes().definition(0, false, 18, 2, 4, UINT32).u8(0x00).number(1, 4, false).file(3);
		assertThat(reason(overrun)).isIn("training.unreadable.damaged", "training.unreadable.badCrc",
				"training.unreadable.truncated");
		// nothing but definitions
		assertThat(reason(new FitBytes().definition(0, false, 18, 2, 4, UINT32).file()))
			.isEqualTo("training.unreadable.noSession");
	}

	@Test
	void theCheckNumberIsGarminsForEveryByteAfterEveryCheck() {
		int wrong = 0;
		for (int crc = 0; crc <= 0xFFFF; crc++) {
			for (int b = 0; b < 256; b++) {
				if (FitInput.crc(crc, b) != CRC.get16(crc, (byte) b)) {
					wrong++;
				}
			}
		}
		assertThat(wrong).isZero();
	}

	@Test
	void aNewerProtocolIsSaidSo() {
		assertThat(reason(new FitBytes().protocolVersion(0x30).file())).isEqualTo("training.unreadable.fitVersion");
	}

	// --- Bad input ---

	@Test
	void anEmptyFileIsEmpty() {
		assertThat(reason(new byte[0])).isEqualTo("training.unreadable.empty");
	}

	@Test
	void aFileCutShortIsTruncatedWhereverItIsCut() throws Exception {
		byte[] file = activity(withRecords(20, session(MORNING, Sport.RUNNING, SubSport.STREET, 5000f)));
		for (int length = 1; length < file.length; length++) {
			assertThat(reason(Arrays.copyOf(file, length))).as("cut to %d bytes", length)
				.isEqualTo("training.unreadable.truncated");
		}
	}

	@Test
	void aChangedByteFailsTheCheckAndItsActivitiesDoNotCount() throws Exception {
		byte[] file = activity(session(MORNING, Sport.RUNNING, SubSport.STREET, 5000f));
		byte[] longer = file.clone();
		// the distance in centimetres, 500000, big endian as Garmin's encoder writes:
		// made
		// 10 times longer
		int distance = indexOf(longer, new byte[] { 0x00, 0x07, (byte) 0xA1, 0x20 });
		assertThat(distance).isPositive();
		longer[distance + 1] = 0x4C;
		assertThat(reason(longer)).isEqualTo("training.unreadable.badCrc");
		byte[] badCheck = file.clone();
		badCheck[badCheck.length - 1] ^= 0x01;
		assertThat(reason(badCheck)).isEqualTo("training.unreadable.badCrc");
		byte[] badHeaderCheck = file.clone();
		badHeaderCheck[12] ^= 0x01;
		assertThat(reason(badHeaderCheck)).isEqualTo("training.unreadable.badCrc");
	}

	@Test
	void noSingleChangedBitGoesUnnoticed() throws Exception {
		byte[] file = activity(withRecords(5, session(MORNING, Sport.RUNNING, SubSport.STREET, 5000f)));
		for (int at = 0; at < file.length; at++) {
			for (int bit = 0; bit < 8; bit++) {
				byte[] changed = file.clone();
				changed[at] ^= (byte) (1 << bit);
				assertThat(catchThrowableOfType(() -> read(changed), UnreadableFileException.class))
					.as("bit %d of byte %d", bit, at)
					.isNotNull();
			}
		}
	}

	@Test
	void aFileThatIsNotFitSaysSo() {
		assertThat(reason("<?xml version=\"1.0\"?><gpx></gpx>".getBytes())).isEqualTo("training.unreadable.notFit");
		assertThat(reason(new byte[] { 14, 0x20, 0, 0, 0, 0, 0, 0, '.', 'G', 'I', 'T', 0, 0 }))
			.isEqualTo("training.unreadable.notFit");
		assertThat(reason(new byte[] { 1 })).isEqualTo("training.unreadable.notFit");
	}

	@Test
	void aHeaderClaimingAHugeSizeIsTruncatedOrDamagedWithoutReadingMore() throws Exception {
		byte[] records = new FitBytes().definition(0, false, 18, 2, 4, UINT32)
			.u8(0x00)
			.number(fitTime(MORNING), 4, false)
			.file(0x7FFF_FFFFL);
		// the records end where the file ends, long before the size the header claims
		assertThat(reason(Arrays.copyOf(records, records.length - 2))).isEqualTo("training.unreadable.truncated");
		byte[] file = activity(session(MORNING, Sport.RUNNING, SubSport.STREET, 5000f));
		file[4] = (byte) 0xFF;
		file[5] = (byte) 0xFF;
		file[6] = (byte) 0xFF;
		file[7] = (byte) 0x7F;
		// the header's own check is left out, so only the size is wrong; the file's check
		// is read as a record then, which may be no record at all
		file[12] = 0;
		file[13] = 0;
		assertThat(reason(file)).isIn("training.unreadable.truncated", "training.unreadable.damaged");
	}

	@Test
	void bytesAfterAFileThatAreNotAnotherFileDamageIt() throws Exception {
		byte[] file = activity(session(MORNING, Sport.RUNNING, SubSport.STREET, 5000f));
		assertThat(reason(concat(file, "trailing".getBytes()))).isEqualTo("training.unreadable.damaged");
	}

	// --- Files recorded by real devices ---

	@Test
	void realRunsAreRunsWithTheirStartAndDistance() throws Exception {
		assertThat(readReal("activity-small-fenix2-run.fit")).containsExactly(
				new Activity(Instant.parse("2015-08-15T14:45:08Z"), 9008.22, ActivityType.RUN, "running", "real.fit"));
		assertThat(readReal("garmin-fenix-5-run.fit")).containsExactly(
				new Activity(Instant.parse("2017-06-11T14:34:09Z"), 157.56, ActivityType.RUN, "running", "real.fit"));
	}

	@Test
	void realRidesAndWalksAreNotRuns() throws Exception {
		assertThat(readReal("garmin-fenix-5-bike.fit")).containsExactly(new Activity(
				Instant.parse("2017-06-12T16:09:22Z"), 459.52, ActivityType.NOT_RUNNING, "cycling", "real.fit"));
		assertThat(readReal("garmin-fenix-5-walk.fit")).containsExactly(new Activity(
				Instant.parse("2017-06-11T14:32:51Z"), 67.85, ActivityType.NOT_RUNNING, "walking", "real.fit"));
		// a Coros ride whose fields have sizes other than their types'
		assertThat(readReal("coros-pace-2-cycling-misaligned-fields.fit")).containsExactly(new Activity(
				Instant.parse("2020-10-25T11:10:19Z"), 32_145.76, ActivityType.NOT_RUNNING, "cycling", "real.fit"));
	}

	@Test
	void realBrokenFilesSayWhy() throws Exception {
		assertThat(reasonReal("activity-unexpected-eof.fit")).isEqualTo("training.unreadable.truncated");
		// a complete file, then a second whose header is not a FIT header
		assertThat(reasonReal("activity-settings-corruptheader.fit")).isEqualTo("training.unreadable.damaged");
		// the app crashed while writing: a record lost a byte about 7 KB in, after which
		// the records are out of step (Garmin's decoder stops at the same byte), and the
		// file is shorter than its header says
		assertThat(reasonReal("strava-android-app-201.10-b1218918.fit")).isEqualTo("training.unreadable.damaged");
	}

	@Test
	void everyRealFileReadsAsGarminsDecoderReadsItOrIsRefused() throws Exception {
		Assumptions.assumeTrue(Files.isDirectory(REAL_FILES), "no real training files in " + REAL_FILES);
		List<Path> files;
		try (Stream<Path> listed = Files.list(REAL_FILES)) {
			files = listed.filter((path) -> path.toString().endsWith(".fit")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(8);
		List<String> compared = new ArrayList<>();
		for (Path path : files) {
			byte[] file = Files.readAllBytes(path);
			List<Activity> garmin = wholeFromGarmin(file, "a.fit");
			if (garmin != null) {
				assertThat(read(file)).as(path.toString()).isEqualTo(garmin);
				compared.add(path.getFileName().toString());
			}
			else {
				assertThat(catchThrowableOfType(() -> read(file), UnreadableFileException.class)).as(path.toString())
					.isNotNull();
			}
		}
		assertThat(compared).contains("activity-small-fenix2-run.fit", "garmin-fenix-5-run.fit",
				"garmin-fenix-5-bike.fit", "garmin-fenix-5-walk.fit", "coros-pace-2-cycling-misaligned-fields.fit");
	}

	// --- Helpers ---

	private List<Activity> read(byte[] file) throws UnreadableFileException {
		return this.reader.read(new ByteArrayInputStream(file), "a.fit", budget());
	}

	private String reason(byte[] file) {
		UnreadableFileException ex = catchThrowableOfType(() -> read(file), UnreadableFileException.class);
		assertThat(ex).as("an unreadable file").isNotNull();
		return ex.reasonKey();
	}

	private List<Activity> readReal(String name) throws Exception {
		return this.reader.read(new ByteArrayInputStream(real(name)), "real.fit", budget());
	}

	private String reasonReal(String name) throws IOException {
		byte[] file = real(name);
		return reason(file);
	}

	private static byte[] real(String name) throws IOException {
		Assumptions.assumeTrue(Files.isDirectory(REAL_FILES), "no real training files in " + REAL_FILES);
		return Files.readAllBytes(REAL_FILES.resolve(name));
	}

	private static ImportBudget budget() {
		return new ImportBudget(new TrainingSettings(DataSize.ofMegabytes(200), 2000, Duration.ofSeconds(30), 2));
	}

	private static BufferEncoder encoder() {
		BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V2_0);
		FileIdMesg fileId = new FileIdMesg();
		fileId.setType(com.garmin.fit.File.ACTIVITY);
		fileId.setManufacturer(Manufacturer.DEVELOPMENT);
		fileId.setTimeCreated(new DateTime(MORNING));
		encoder.write(fileId);
		return encoder;
	}

	/** An activity file of the messages, in order, after its file id. */
	private static byte[] activity(Mesg... messages) {
		return activity(List.of(messages));
	}

	private static byte[] activity(List<? extends Mesg> messages) {
		BufferEncoder encoder = encoder();
		encoder.write(messages);
		return encoder.close();
	}

	/** A second by second record of a run, then the sessions. */
	private static List<Mesg> withRecords(int count, SessionMesg... sessions) {
		List<Mesg> messages = new ArrayList<>();
		for (int second = 0; second < count; second++) {
			RecordMesg record = new RecordMesg();
			record.setTimestamp(new DateTime(MORNING.plusSeconds(second)));
			record.setDistance(second * 3.25f);
			record.setPositionLat(600_000_000 + second);
			record.setPositionLong(-1_000_000 + second);
			record.setHeartRate((short) 150);
			messages.add(record);
		}
		messages.addAll(List.of(sessions));
		return messages;
	}

	private static SessionMesg session(Instant start, Sport sport, SubSport subSport, float metres) {
		SessionMesg session = new SessionMesg();
		session.setTimestamp(new DateTime(start.plusSeconds(3600)));
		session.setStartTime(new DateTime(start));
		session.setSport(sport);
		session.setSubSport(subSport);
		session.setTotalDistance(metres);
		session.setTotalElapsedTime(3600f);
		return session;
	}

	/** What Garmin's decoder makes of the file's sessions, as activities. */
	private static List<Activity> fromGarmin(byte[] file, String name) {
		List<Activity> activities = new ArrayList<>();
		Decode decode = new Decode();
		MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
		broadcaster.addListener((SessionMesgListener) (session) -> activities.add(asActivity(session, name)));
		assertThat(decode.read(new ByteArrayInputStream(file), broadcaster, broadcaster)).isTrue();
		return activities;
	}

	/**
	 * What Garmin's decoder makes of the file, or null where it does not read the whole
	 * file or finds its check number wrong.
	 */
	private static List<Activity> wholeFromGarmin(byte[] file, String name) {
		try {
			if (!new Decode().checkFileIntegrity(new ByteArrayInputStream(file))) {
				return null;
			}
			return fromGarmin(file, name);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A session as Garmin's decoder gives it, in the terms our reader is meant to use.
	 */
	private static Activity asActivity(SessionMesg session, String name) {
		Sport sport = session.getSport();
		SubSport subSport = session.getSubSport();
		ActivityType type = ActivityType.NOT_RUNNING;
		if (sport == Sport.RUNNING) {
			type = (subSport == SubSport.TRAIL) ? ActivityType.TRAIL_RUN
					: (subSport == SubSport.TREADMILL || subSport == SubSport.INDOOR_RUNNING
							|| subSport == SubSport.VIRTUAL_ACTIVITY) ? ActivityType.TREADMILL_RUN : ActivityType.RUN;
		}
		Instant start = (session.getStartTime() != null) ? session.getStartTime().getInstant()
				: session.getTimestamp().getInstant();
		// Garmin's decoder gives metres as a float: its centimetres are exact
		double metres = (session.getTotalDistance() != null) ? Math.round(session.getTotalDistance() * 100.0) / 100.0
				: 0;
		String word = (sport != null) ? sport.name().toLowerCase(java.util.Locale.ROOT) : null;
		return new Activity(start, metres, type, word, name);
	}

	private static long fitTime(Instant instant) {
		return instant.getEpochSecond() - FitReader.FIT_EPOCH;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static int indexOf(byte[] bytes, byte[] wanted) {
		for (int at = 0; at + wanted.length <= bytes.length; at++) {
			if (Arrays.equals(bytes, at, at + wanted.length, wanted, 0, wanted.length)) {
				return at;
			}
		}
		return -1;
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	/** A definition whose data Garmin's encoder writes little endian. */
	private static final class LittleEndian extends MesgDefinition {

		LittleEndian(Mesg message) {
			super(message);
			this.arch = Fit.ARCH_ENDIAN_LITTLE;
		}

	}

}
