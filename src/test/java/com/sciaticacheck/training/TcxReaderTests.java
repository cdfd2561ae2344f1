package com.sciaticacheck.training;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A TCX file gives one activity per {@code Activity}, with the sum of its laps' distances
 * and the sport it names; a file that cannot be read, or that tries to make the parser
 * read something else, gets its reason. No Spring context.
 */
class TcxReaderTests {

	private static final Path REAL_FILES = Path.of("../shared/fixtures/training");

	private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			+ "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n"
			+ "<Activities>\n";

	private static final String FOOT = "</Activities>\n</TrainingCenterDatabase>\n";

	/**
	 * A run of two laps, 1000.5 m and 2000.25 m. The track points' distances are the
	 * distance so far (0, 1000.5, 3000.75): summed they would come to 4001.25 m, and all
	 * of them with the laps' to 7002 m.
	 */
	private static final String RUN = """
			<Activity Sport="Running">
			  <Id>2025-05-04T07:30:00Z</Id>
			  <Lap StartTime="2025-05-04T07:30:05Z">
			    <TotalTimeSeconds>300</TotalTimeSeconds>
			    <DistanceMeters>1000.5</DistanceMeters>
			    <Track>
			      <Trackpoint><Time>2025-05-04T07:30:05Z</Time><DistanceMeters>0</DistanceMeters></Trackpoint>
			      <Trackpoint><Time>2025-05-04T07:35:05Z</Time><DistanceMeters>1000.5</DistanceMeters></Trackpoint>
			    </Track>
			  </Lap>
			  <Lap StartTime="2025-05-04T07:35:05Z">
			    <TotalTimeSeconds>600</TotalTimeSeconds>
			    <DistanceMeters>2000.25</DistanceMeters>
			    <Track>
			      <Trackpoint><Time>2025-05-04T07:45:05Z</Time><DistanceMeters>3000.75</DistanceMeters></Trackpoint>
			    </Track>
			  </Lap>
			  <Notes>Easy &amp; slow</Notes>
			</Activity>
			""";

	private static final String RIDE = """
			<Activity Sport="Biking">
			  <Id>2025-05-05T17:00:00.000Z</Id>
			  <Lap StartTime="2025-05-05T17:00:00.000Z"><DistanceMeters>25000</DistanceMeters></Lap>
			</Activity>
			""";

	private final TcxReader reader = new TcxReader();

	// --- Distance, start and type ---

	@Test
	void aRunIsTheSumOfItsLapsNotOfItsTrackPoints() throws Exception {
		Activity run = only(read(HEAD + RUN + FOOT));

		assertThat(run.distanceMetres()).isCloseTo(3000.75, within(1e-9));
		assertThat(run.start()).isEqualTo(Instant.parse("2025-05-04T07:30:00Z"));
		assertThat(run.type()).isEqualTo(ActivityType.RUN);
		assertThat(run.sport()).isEqualTo("Running");
		assertThat(run.file()).isEqualTo("a.tcx");
	}

	@Test
	void aRideIsNotARun() throws Exception {
		Activity ride = only(read(HEAD + RIDE + FOOT));

		assertThat(ride.type()).isEqualTo(ActivityType.NOT_RUNNING);
		assertThat(ride.sport()).isEqualTo("Biking");
		assertThat(ride.distanceMetres()).isEqualTo(25000);
		assertThat(ride.start()).isEqualTo(Instant.parse("2025-05-05T17:00:00Z"));
	}

	@Test
	void eachActivityOfAFileCounts() throws Exception {
		assertThat(read(HEAD + RUN + RIDE + FOOT)).extracting(Activity::type, Activity::distanceMetres)
			.containsExactly(tuple(ActivityType.RUN, 3000.75), tuple(ActivityType.NOT_RUNNING, 25000.0));
	}

	@Test
	void withoutAnIdTheFirstLapGivesTheStart() throws Exception {
		Activity run = only(read(HEAD + RUN.replace("<Id>2025-05-04T07:30:00Z</Id>", "") + FOOT));

		assertThat(run.start()).isEqualTo(Instant.parse("2025-05-04T07:30:05Z"));
	}

	@Test
	void withoutALapDistanceTheLastTrackPointGivesIt() throws Exception {
		String run = RUN.replace("<DistanceMeters>1000.5</DistanceMeters>\n    <Track>", "<Track>")
			.replace("<DistanceMeters>2000.25</DistanceMeters>", "");

		assertThat(only(read(HEAD + run + FOOT)).distanceMetres()).isEqualTo(3000.75);
	}

	@Test
	void elementsAreFoundByTheirLocalNameWithAPrefixOrWithoutANamespace() throws Exception {
		String prefixed = ("<?xml version=\"1.0\"?><t:TrainingCenterDatabase "
				+ "xmlns:t=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><t:Activities>" + RUN
				+ "</t:Activities></t:TrainingCenterDatabase>")
			.replaceAll("<(/?)(?!t:)([A-Z])", "<$1t:$2");
		String plain = "<TrainingCenterDatabase><Activities>" + RUN + "</Activities></TrainingCenterDatabase>";

		assertThat(only(read(prefixed)).distanceMetres()).isEqualTo(3000.75);
		assertThat(only(read(plain)).distanceMetres()).isEqualTo(3000.75);
	}

	@Test
	void theLegsOfAMultisportSessionCountAndCoursesAreNotActivities() throws Exception {
		String file = HEAD + """
				<MultiSportSession>
				  <Id>2025-05-06T08:00:00Z</Id>
				  <FirstSport>
				""" + RIDE + """
				  </FirstSport>
				  <NextSport>
				    <Transition><TotalTimeSeconds>60</TotalTimeSeconds><DistanceMeters>100</DistanceMeters></Transition>
				""" + RUN + """
				  </NextSport>
				</MultiSportSession>
				</Activities>
				<Courses><Course><Name>Plan</Name>
				  <Lap><TotalTimeSeconds>1</TotalTimeSeconds><DistanceMeters>42195</DistanceMeters></Lap>
				</Course></Courses>
				</TrainingCenterDatabase>
				""";

		assertThat(read(file)).extracting(Activity::sport, Activity::distanceMetres)
			.containsExactly(tuple("Biking", 25000.0), tuple("Running", 3000.75));
	}

	@Test
	void anActivityThatDoesNotSayWhenIsLeftOutAndTheOthersCount() throws Exception {
		String undated = RIDE.replaceAll("<Id>[^<]*</Id>", "").replaceAll(" StartTime=\"[^\"]*\"", "");

		assertThat(read(HEAD + undated + RUN + FOOT)).extracting(Activity::sport).containsExactly("Running");
		assertReason(HEAD + undated + FOOT, "tcxNoTime");
	}

	// --- Files that do not count ---

	@Test
	void aFileWithoutActivitiesSaysSo() {
		assertReason(HEAD + FOOT, "tcxNoActivities");
		assertReason("<TrainingCenterDatabase><Courses><Course><Lap><DistanceMeters>5</DistanceMeters></Lap>"
				+ "</Course></Courses></TrainingCenterDatabase>", "tcxNoActivities");
	}

	@Test
	void aLapDistanceThatIsNotANumberSaysSo() {
		assertReason(
				HEAD + RUN.replace("1000.5</DistanceMeters>\n    <Track>", "1,000.5</DistanceMeters>\n<Track>") + FOOT,
				"tcxBadNumber");
		assertReason(HEAD + RIDE.replace("25000", "-1") + FOOT, "tcxBadNumber");
		assertReason(HEAD + RIDE.replace("25000", "NaN") + FOOT, "tcxBadNumber");
	}

	@Test
	void anEmptyOrCutOrOtherFileSaysWhich() {
		String whole = HEAD + RUN + RIDE + FOOT;

		assertReason("", "empty");
		assertReason(whole.substring(0, whole.length() / 2), "truncated");
		assertReason(whole.substring(0, whole.length() - 10), "truncated");
		assertReason(whole.replace("</Lap>", "</Lapp>"), "damaged");
		assertReason("<gpx version=\"1.1\"></gpx>", "otherXml");
	}

	@Test
	void aValueOrNestingNoDeviceWritesIsRefusedBeforeItFillsMemory() throws Exception {
		String longId = "<Id>" + "1".repeat(XmlScreen.MAX_STRETCH + 1) + "</Id>";
		String deep = "<Extensions>".repeat(XmlScreen.MAX_DEPTH) + "</Extensions>".repeat(XmlScreen.MAX_DEPTH);

		assertReason(HEAD + RUN.replace("<Id>2025-05-04T07:30:00Z</Id>", longId) + FOOT, "damaged");
		assertReason(HEAD + RUN.replace("<Notes>", deep + "<Notes>") + FOOT, "damaged");
		assertThat(read(HEAD + RUN.replace("<Notes>", "<Extensions><A><B/></A></Extensions><Notes>") + FOOT))
			.hasSize(1);
	}

	@Test
	void aDistanceSplitByCommentsIsReadInTheMemoryOfOneNumber() {
		// 64 MB of digits, which the parser gives in pieces of 4,000 characters: no
		// distance is that long, and the reader keeps a few hundred of them to see so
		InputStream file = RepeatedXml.ofAtLeast(64L * 1024 * 1024, HEAD + RIDE.substring(0, RIDE.indexOf("25000")),
				"1".repeat(4000) + "<!--<-->", RIDE.substring(RIDE.indexOf("25000") + 5) + FOOT);

		long[] allocated = { 0 };
		UnreadableFileException refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			long before = RepeatedXml.allocatedByThisThread();
			UnreadableFileException thrown = catchThrowableOfType(UnreadableFileException.class,
					() -> this.reader.read(file, "a.tcx", XmlAttack.budget()));
			allocated[0] = RepeatedXml.allocatedByThisThread() - before;
			return thrown;
		});

		assertThat(refused).as("the file is refused").isNotNull();
		assertThat(refused.reasonKey()).isEqualTo("training.unreadable.tcxBadNumber");
		assertThat(allocated[0]).as("bytes allocated in reading the file").isLessThan(GpxReaderTests.MAX_ALLOCATED);
	}

	@Test
	void anIdSplitByACommentIsReadWholeAndOneTooLongIsNone() throws Exception {
		String split = RIDE.replace("17:00:00.000Z</Id>", "17:00<!-- a<b -->:00.000Z</Id>");
		String tooLong = RIDE
			.replace("<Id>2025-05-05T17:00:00.000Z</Id>", "<Id>" + "<!--<-->2025".repeat(1000) + "</Id>")
			.replace("<Lap StartTime=\"2025-05-05T17:00:00.000Z\"", "<Lap StartTime=\"2025-05-05T17:01:00Z\"");

		assertThat(only(read(HEAD + split + FOOT)).start()).isEqualTo(Instant.parse("2025-05-05T17:00:00Z"));
		// an Id that is no time: the first lap's start is the activity's
		assertThat(only(read(HEAD + tooLong + FOOT)).start()).isEqualTo(Instant.parse("2025-05-05T17:01:00Z"));
	}

	// --- The limits of the import ---

	@Test
	void theActivityLimitEndsTheImport() {
		assertThatExceptionOfType(ImportLimitException.class)
			.isThrownBy(() -> this.reader.read(in(HEAD + RUN + RIDE + FOOT), "a.tcx",
					XmlAttack.budget(DataSize.ofMegabytes(200), 1)))
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(ImportLimitException.Limit.TOO_MANY_ACTIVITIES));
	}

	@Test
	void theByteLimitEndsTheImportEvenInsideTheParser() {
		ImportBudget budget = XmlAttack.budget(DataSize.ofBytes(500), 2000);

		assertThatExceptionOfType(ImportLimitException.class)
			.isThrownBy(() -> this.reader.read(budget.meter(in(HEAD + RUN + RIDE + FOOT)), "a.tcx", budget))
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(ImportLimitException.Limit.TOO_LARGE_UNPACKED));
	}

	// --- Files that try to make the parser read something else ---

	@Test
	void anExternalEntityOrDtdIsRefusedAndNeverFollowed(@TempDir Path folder) throws Exception {
		try (XmlAttack attack = new XmlAttack(folder)) {
			String file = attack.prolog("TrainingCenterDatabase") + "<TrainingCenterDatabase><Activities>"
					+ RUN.replace("Running", "&file;").replace("Easy", "&web;&leak;") + FOOT;

			UnreadableFileException refused = catchThrowableOfType(UnreadableFileException.class,
					() -> this.reader.read(in(file), "a.tcx", XmlAttack.budget()));

			assertThat(refused.reasonKey()).isEqualTo("training.unreadable.unsafeXml");
			attack.assertNotFollowed(refused);
		}
	}

	@Test
	void anInternalEntityIsRefusedToo() {
		// the "billion laughs": entities that expand into entities, far past memory
		String file = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY a \"aaaaaaaaaa\">"
				+ "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + "<TrainingCenterDatabase><Activities>"
				+ RUN.replace("Easy", "&b;") + FOOT;

		assertReason(file, "unsafeXml");
	}

	// --- Real files ---

	@Test
	void aRealGarminRun() throws Exception {
		Path file = realFile("tcxparser-test.tcx");

		List<Activity> activities = this.reader.read(Files.newInputStream(file), file.getFileName().toString(),
				XmlAttack.budget());

		// its three laps, by hand: grep -A2 '<Lap ' tcxparser-test.tcx gives
		// DistanceMeters
		// 1609.34399414 + 1609.34399414 + 1470.5546875 = 4689.24267578 m; its last track
		// point says 4686.31103516 m, the distance so far when the recording stopped
		assertThat(activities).singleElement().satisfies((run) -> {
			assertThat(run.type()).isEqualTo(ActivityType.RUN);
			assertThat(run.sport()).isEqualTo("Running");
			assertThat(run.start()).isEqualTo(Instant.parse("2012-12-26T21:29:53Z"));
			assertThat(run.distanceMetres()).isCloseTo(4689.24267578, within(1e-6));
		});
	}

	@Test
	void aRealPaddleIsNotARun() throws Exception {
		Path file = realFile("tcxparser-sup_activity_1.tcx");

		List<Activity> activities = this.reader.read(Files.newInputStream(file), file.getFileName().toString(),
				XmlAttack.budget());

		// Sport="Other"; two laps of 1000.0 + 157.51 m (grep -A2 '<Lap '), start from its
		// Id
		assertThat(activities).singleElement().satisfies((paddle) -> {
			assertThat(paddle.type()).isEqualTo(ActivityType.NOT_RUNNING);
			assertThat(paddle.sport()).isEqualTo("Other");
			assertThat(paddle.start()).isEqualTo(Instant.parse("2022-07-16T16:08:25Z"));
			assertThat(paddle.distanceMetres()).isCloseTo(1157.51, within(1e-9));
		});
	}

	@Test
	void aRealFileCutShortSaysSo() throws Exception {
		byte[] whole = Files.readAllBytes(realFile("tcxparser-test.tcx"));

		UnreadableFileException refused = catchThrowableOfType(UnreadableFileException.class, () -> this.reader
			.read(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length * 2 / 3)), "a.tcx", XmlAttack.budget()));

		assertThat(refused.reasonKey()).isEqualTo("training.unreadable.truncated");
	}

	// --- Helpers ---

	private List<Activity> read(String file) throws UnreadableFileException {
		return this.reader.read(in(file), "a.tcx", XmlAttack.budget());
	}

	private void assertReason(String file, String reason) {
		UnreadableFileException refused = catchThrowableOfType(UnreadableFileException.class, () -> read(file));
		assertThat(refused).as("the file is refused").isNotNull();
		assertThat(refused.reasonKey()).isEqualTo("training.unreadable." + reason);
	}

	private static Activity only(List<Activity> activities) {
		assertThat(activities).hasSize(1);
		return activities.get(0);
	}

	private static Path realFile(String name) {
		Assumptions.assumeTrue(Files.isDirectory(REAL_FILES),
				"the real training files are not next to the project: " + REAL_FILES);
		return REAL_FILES.resolve(name);
	}

	private static InputStream in(String file) {
		return new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8));
	}

}
