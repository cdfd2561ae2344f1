package com.sciaticacheck.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Track;
import io.jenetics.jpx.WayPoint;
import io.jenetics.jpx.geom.Geoid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A GPX file gives one activity per track, with the distance along its points and the
 * type its {@code <type>} names; a file that cannot be read, or that tries to make the
 * parser read something else, gets its reason. Most fixtures are written with jpx's
 * builder and writer, so they are GPX as an app writes it; those no app would write, and
 * points with heart rate as Garmin writes them, are text. No Spring context.
 */
class GpxReaderTests {

	private static final Instant START = Instant.parse("2025-05-04T07:30:00Z");

	private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			+ "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">";

	/** Two points 0.01 degrees apart, five minutes apart, from {@link #START}. */
	private static final String TWO_POINTS = "<trkpt lat=\"48.20\" lon=\"11\"><time>2025-05-04T07:30:00Z</time></trkpt>"
			+ "<trkpt lat=\"48.21\" lon=\"11\"><time>2025-05-04T07:35:00Z</time></trkpt>";

	/**
	 * The most a reader may allocate for a file whose one value is 64 MB long: far less
	 * than that value.
	 */
	static final long MAX_ALLOCATED = 16L * 1024 * 1024;

	private final GpxReader reader = new GpxReader();

	// --- Distance, start and type ---

	@Test
	void aTrackAlongAMeridianIsAsLongAsTheArcOfTheEllipsoid() throws Exception {
		// five steps of 0.01 degrees north from 48.2N: about 1111.95 m each on WGS84
		byte[] file = gpx((gpx) -> gpx.addTrack((track) -> track.type("running")
			.addSegment((segment) -> meridian(48.20, 6).forEach(segment::addPoint))));

		Activity run = only(this.reader.read(in(file), "run.gpx", XmlAttack.budget()));

		assertThat(run.distanceMetres()).isCloseTo(5 * 1111.95, within(3.0));
		assertThat(run.distanceMetres()).as("the meridian arc, integrated here")
			.isCloseTo(meridianArc(48.20, 48.25), within(0.05));
		assertThat(run.distanceMetres()).as("jpx's own geodesic")
			.isCloseTo(Geoid.WGS84.distance(WayPoint.of(48.20, 11.0), WayPoint.of(48.25, 11.0)).doubleValue(),
					within(0.01));
		assertThat(run.start()).isEqualTo(START);
		assertThat(run.type()).isEqualTo(ActivityType.RUN);
		assertThat(run.sport()).isEqualTo("running");
		assertThat(run.file()).isEqualTo("run.gpx");
	}

	@Test
	void theGapBetweenTwoSegmentsIsNotRun() throws Exception {
		// the watch paused at 48.21N and went on at 48.30N: two segments of 1 step each
		byte[] file = gpx((gpx) -> gpx
			.addTrack((track) -> track.addSegment((segment) -> meridian(48.20, 2).forEach(segment::addPoint))
				.addSegment((segment) -> meridian(48.30, 2).forEach(segment::addPoint))));

		Activity run = only(this.reader.read(in(file), "run.gpx", XmlAttack.budget()));

		assertThat(run.distanceMetres()).isCloseTo(meridianArc(48.20, 48.21) + meridianArc(48.30, 48.31), within(0.05));
	}

	@Test
	void aPointTheGpsThrewFarOffAddsNothing() throws Exception {
		// five minutes of a run, then a point at 0,0 (where a watch puts a fix it lost),
		// then
		// the run goes on: both steps to and from 0,0 would be thousands of kilometres
		List<WayPoint> points = new java.util.ArrayList<>(meridian(48.20, 3));
		points.add(2, WayPoint.builder().lat(0.0).lon(0.0).time(START.plusSeconds(450)).build());
		byte[] file = gpx(
				(gpx) -> gpx.addTrack((track) -> track.addSegment((segment) -> points.forEach(segment::addPoint))));

		Activity run = only(this.reader.read(in(file), "run.gpx", XmlAttack.budget()));

		// the step from the first point to the second is run; the jump and the way back
		// from it are not
		assertThat(run.distanceMetres()).isCloseTo(meridianArc(48.20, 48.21), within(0.05));
	}

	@Test
	void eachTrackIsAnActivityOfItsOwnType() throws Exception {
		byte[] file = gpx((gpx) -> gpx.addTrack(track("running", 48.20, START, 3))
			.addTrack(track("cycling", 48.40, START.plusSeconds(86_400), 11))
			.addTrack(track(null, 48.60, START.plusSeconds(2 * 86_400), 2)));

		List<Activity> activities = this.reader.read(in(file), "week.gpx", XmlAttack.budget());

		assertThat(activities).extracting(Activity::type, Activity::sport, Activity::start)
			.containsExactly(tuple(ActivityType.RUN, "running", START),
					tuple(ActivityType.NOT_RUNNING, "cycling", START.plusSeconds(86_400)),
					// no type: the runner chose this file, so it is taken as a run
					tuple(ActivityType.RUN, null, START.plusSeconds(2 * 86_400)));
		assertThat(activities.get(1).distanceMetres()).isCloseTo(meridianArc(48.40, 48.50), within(0.05));
		assertThat(activities.get(2).distanceMetres()).isCloseTo(meridianArc(48.60, 48.61), within(0.05));
	}

	@ParameterizedTest
	@CsvSource({ "running, RUN", "Run, RUN", "9, RUN", "street_running, RUN", "trail_running, TRAIL_RUN",
			"Trail Run, TRAIL_RUN", "treadmill_running, TREADMILL_RUN", "treadmill, TREADMILL_RUN",
			"Virtual Run, TREADMILL_RUN", "VirtualRun, TREADMILL_RUN", "virtual_run, TREADMILL_RUN",
			"cycling, NOT_RUNNING", "walking, NOT_RUNNING", "1, NOT_RUNNING", "hiking, NOT_RUNNING" })
	void theTypeNamesTheKindOfRun(String word, ActivityType expected) throws Exception {
		byte[] file = gpx((gpx) -> gpx.addTrack(track(word, 48.20, START, 2)));

		Activity activity = only(this.reader.read(in(file), "a.gpx", XmlAttack.budget()));

		assertThat(activity.type()).isEqualTo(expected);
		assertThat(activity.sport()).isEqualTo(word);
	}

	@Test
	void theStartIsTheFirstTimedPoint() throws Exception {
		byte[] file = gpx((gpx) -> gpx
			.addTrack((track) -> track.addSegment((segment) -> segment.addPoint((point) -> point.lat(48.20).lon(11.0))
				.addPoint((point) -> point.lat(48.21).lon(11.0).time(START))
				.addPoint((point) -> point.lat(48.22).lon(11.0).time(START.plusSeconds(300))))));

		Activity run = only(this.reader.read(in(file), "run.gpx", XmlAttack.budget()));

		assertThat(run.start()).isEqualTo(START);
		assertThat(run.distanceMetres()).isCloseTo(meridianArc(48.20, 48.22), within(0.05));
	}

	@Test
	void aTrackWithoutTimesIsLeftOutAndTheOthersCount() throws Exception {
		byte[] file = gpx((gpx) -> gpx.addTrack(track("running", 48.20, START, 2))
			.addTrack((track) -> track.type("running")
				.addSegment((segment) -> segment.addPoint(WayPoint.of(48.3, 11.0)).addPoint(WayPoint.of(48.4, 11.0)))));

		assertThat(this.reader.read(in(file), "run.gpx", XmlAttack.budget())).extracting(Activity::start)
			.containsExactly(START);
	}

	@Test
	void aFileAppsWriteWithAByteOrderMarkIsRead() throws Exception {
		byte[] file = gpx((gpx) -> gpx.addTrack(track("running", 48.20, START, 2)));
		byte[] marked = new byte[file.length + 3];
		marked[0] = (byte) 0xEF;
		marked[1] = (byte) 0xBB;
		marked[2] = (byte) 0xBF;
		System.arraycopy(file, 0, marked, 3, file.length);

		assertThat(this.reader.read(in(marked), "run.gpx", XmlAttack.budget())).hasSize(1);
	}

	@Test
	void aPointWithANumberThatIsNoneIsLeftOutAndTheRunStillCounts() throws Exception {
		String file = HEADER + "<trk><type>running</type><trkseg>"
				+ "<trkpt lat=\"48.20\" lon=\"11.0\"><time>2025-05-04T07:30:00Z</time></trkpt>"
				+ "<trkpt lat=\"4x8.21\" lon=\"11.0\"><time>2025-05-04T07:31:00Z</time></trkpt>"
				+ "<trkpt lat=\"48.22\" lon=\"11.0\"><ele>not a height</ele><time>not a time</time></trkpt>"
				+ "</trkseg></trk></gpx>";

		Activity run = only(this.reader.read(in(file), "run.gpx", XmlAttack.budget()));

		assertThat(run.start()).isEqualTo(START);
		assertThat(run.distanceMetres()).isCloseTo(meridianArc(48.20, 48.22), within(0.05));
	}

	@Test
	void everyPointCountsWhenPointsCarryHeartRateAsGarminWritesIt() throws Exception {
		// Garmin Connect and Strava put heart rate and cadence in each point's
		// extensions;
		// jpx's own reader lost every point after the first of these with Saxon on the
		// class path, as it is in this app
		StringBuilder file = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<gpx creator=\"Garmin Connect\" version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
				+ "xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">"
				+ "<metadata><time>2025-05-04T07:30:00.000Z</time></metadata>"
				+ "<trk><name>Morning Run</name><type>running</type><trkseg>\n");
		for (int i = 0; i <= 5; i++) {
			file.append("<trkpt lat=\"")
				.append(48.20 + i / 100.0)
				.append("\" lon=\"11.0\"><ele>520.4</ele><time>")
				.append(START.plusSeconds(300L * i))
				.append("</time><extensions><ns3:TrackPointExtension><ns3:hr>143</ns3:hr><ns3:cad>84</ns3:cad>")
				.append("</ns3:TrackPointExtension></extensions></trkpt>\n");
		}
		file.append("</trkseg></trk></gpx>");

		Activity run = only(this.reader.read(in(file.toString()), "run.gpx", XmlAttack.budget()));

		assertThat(run.distanceMetres()).isCloseTo(meridianArc(48.20, 48.25), within(0.05));
	}

	@Test
	void aGpx10FileAndTimesWithAnOffsetOrNoneAreRead() throws Exception {
		String file = "<?xml version=\"1.0\"?><gpx version=\"1.0\" xmlns=\"http://www.topografix.com/GPX/1/0\">"
				+ "<trk><trkseg>" + "<trkpt lat=\"48.20\" lon=\"11.0\"><time>2025-05-04T09:30:00+02:00</time></trkpt>"
				+ "<trkpt lat=\"48.21\" lon=\"11.0\"><time>2025-05-04T07:31:00</time></trkpt>"
				+ "</trkseg></trk><trk><trkseg><trkpt lat=\"48.3\" lon=\"11.0\"><time>2025-05-05T07:30:00</time>"
				+ "</trkpt></trkseg></trk></gpx>";

		// GPX times are UTC: one without an offset is read as UTC
		assertThat(this.reader.read(in(file), "old.gpx", XmlAttack.budget())).extracting(Activity::start)
			.containsExactly(START, Instant.parse("2025-05-05T07:30:00Z"));
	}

	@Test
	void aPointOffTheGlobeIsLeftOut() throws Exception {
		String file = HEADER + "<trk><trkseg>"
				+ "<trkpt lat=\"48.20\" lon=\"11.0\"><time>2025-05-04T07:30:00Z</time></trkpt>"
				+ "<trkpt lat=\"95\" lon=\"11.0\"></trkpt><trkpt lat=\"48.21\" lon=\"181\"></trkpt>"
				+ "<trkpt lat=\"48.21\" lon=\"NaN\"></trkpt><trkpt lat=\"48.21\"></trkpt>"
				+ "<trkpt lat=\"48.21\" lon=\"11.0\"></trkpt></trkseg></trk></gpx>";

		assertThat(only(this.reader.read(in(file), "a.gpx", XmlAttack.budget())).distanceMetres())
			.isCloseTo(meridianArc(48.20, 48.21), within(0.05));
	}

	// --- Files that do not count ---

	@Test
	void aFileWithoutAnyTimeSaysSo() throws Exception {
		byte[] file = gpx((gpx) -> gpx.addTrack((track) -> track
			.addSegment((segment) -> segment.addPoint(WayPoint.of(48.2, 11.0)).addPoint(WayPoint.of(48.3, 11.0)))));

		assertReason(file, "gpxNoTime");
	}

	@Test
	void aPlannedRouteIsNotARun() throws Exception {
		byte[] file = gpx((gpx) -> gpx.addRoute((route) -> route.addPoint(WayPoint.of(48.2, 11.0, 0L)))
			.addWayPoint(WayPoint.of(48.2, 11.0, 0L)));

		assertReason(file, "gpxNoTracks");
		assertReason(gpx((gpx) -> gpx.addTrack((track) -> track.name("empty"))), "gpxNoTracks");
	}

	@Test
	void anEmptyOrCutOrOtherFileSaysWhich() throws Exception {
		byte[] whole = gpx((gpx) -> gpx.addTrack(track("running", 48.20, START, 50)));

		assertReason(new byte[0], "empty");
		assertReason(" \n ".getBytes(StandardCharsets.UTF_8), "empty");
		assertReason(Arrays.copyOf(whole, whole.length / 2), "truncated");
		assertReason(Arrays.copyOf(whole, whole.length - 7), "truncated");
		assertReason("<gpx version=\"1.1\"><trk><trkseg></trk></gpx>".getBytes(StandardCharsets.UTF_8), "damaged");
		assertReason("<kml><Placemark/></kml>".getBytes(StandardCharsets.UTF_8), "otherXml");
	}

	@Test
	void aValueOrNestingNoDeviceWritesIsRefusedBeforeItFillsMemory() {
		String longAttribute = HEADER + "<trk><trkseg><trkpt lat=\"" + "1".repeat(XmlScreen.MAX_STRETCH)
				+ "\" lon=\"11\"/></trkseg></trk></gpx>";
		String deep = HEADER + "<trk>" + "<extensions>".repeat(XmlScreen.MAX_DEPTH)
				+ "</extensions>".repeat(XmlScreen.MAX_DEPTH) + "</trk></gpx>";

		assertReason(longAttribute.getBytes(StandardCharsets.UTF_8), "damaged");
		assertReason(deep.getBytes(StandardCharsets.UTF_8), "damaged");
	}

	@Test
	void aLongCommentHoldingTagsIsRefusedBeforeTheParserHoldsIt() {
		// a point in a comment is no point; 3 MiB of them is more than the parser may
		// hold
		InputStream file = RepeatedXml.ofAtLeast(3L * 1024 * 1024, HEADER + "<trk><trkseg>" + TWO_POINTS + "<!--",
				"<trkpt lat=\"48.3\" lon=\"11\"/> -> ]]> ?> ", "--></trkseg></trk></gpx>");

		UnreadableFileException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> catchThrowableOfType(UnreadableFileException.class,
						() -> this.reader.read(file, "a.gpx", XmlAttack.budget())));

		assertThat(refused).as("the file is refused").isNotNull();
		assertThat(refused.reasonKey()).isEqualTo("training.unreadable.damaged");
	}

	@Test
	void aTypeSplitByCommentsIsReadInTheMemoryOfOneWord() throws Exception {
		// 64 MB of one word, which the parser gives in pieces of 4,000 characters: the
		// reader keeps a few hundred of them, not the whole
		InputStream file = RepeatedXml.ofAtLeast(64L * 1024 * 1024, HEADER + "<trk><type>",
				"a".repeat(4000) + "<!--<-->", "</type><trkseg>" + TWO_POINTS + "</trkseg></trk></gpx>");

		long[] allocated = { 0 };
		List<Activity> activities = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			long before = RepeatedXml.allocatedByThisThread();
			List<Activity> read = this.reader.read(file, "a.gpx", XmlAttack.budget());
			allocated[0] = RepeatedXml.allocatedByThisThread() - before;
			return read;
		});

		assertThat(only(activities)).satisfies((activity) -> {
			assertThat(activity.sport()).isEqualTo("a".repeat(40));
			assertThat(activity.type()).isEqualTo(ActivityType.NOT_RUNNING);
			assertThat(activity.distanceMetres()).isCloseTo(meridianArc(48.20, 48.21), within(0.05));
		});
		assertThat(allocated[0]).as("bytes allocated in reading the file").isLessThan(MAX_ALLOCATED);
	}

	@Test
	void aPointsTimeSplitByCommentsIsNoTime() throws Exception {
		InputStream file = RepeatedXml.ofAtLeast(8L * 1024 * 1024,
				HEADER + "<trk><trkseg>" + TWO_POINTS + "<trkpt lat=\"48.22\" lon=\"11\"><time>2025-05-04T07:40:00Z",
				" ".repeat(4000) + "<!---->", "</time></trkpt></trkseg></trk></gpx>");

		Activity run = only(assertTimeoutPreemptively(Duration.ofSeconds(20),
				() -> this.reader.read(file, "a.gpx", XmlAttack.budget())));

		// no device writes a time this long, so the point has none: the step to it is
		// measured as an untimed one
		assertThat(run.start()).isEqualTo(START);
		assertThat(run.distanceMetres()).isCloseTo(meridianArc(48.20, 48.22), within(0.05));
	}

	// --- The limits of the import ---

	@Test
	void theActivityLimitEndsTheImport() throws Exception {
		byte[] file = gpx(
				(gpx) -> gpx.addTrack(track("running", 48.20, START, 2)).addTrack(track("cycling", 48.30, START, 2)));

		assertThatExceptionOfType(ImportLimitException.class)
			.isThrownBy(() -> this.reader.read(in(file), "a.gpx", XmlAttack.budget(DataSize.ofMegabytes(200), 1)))
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(ImportLimitException.Limit.TOO_MANY_ACTIVITIES));
	}

	@Test
	void theByteLimitEndsTheImportEvenInsideTheParser() throws Exception {
		byte[] file = gpx((gpx) -> gpx.addTrack(track("running", 48.20, START, 200)));
		ImportBudget budget = XmlAttack.budget(DataSize.ofBytes(5000), 2000);

		assertThatExceptionOfType(ImportLimitException.class)
			.isThrownBy(() -> this.reader.read(budget.meter(in(file)), "a.gpx", budget))
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(ImportLimitException.Limit.TOO_LARGE_UNPACKED));
	}

	// --- Files that try to make the parser read something else ---

	@Test
	void anExternalEntityOrDtdIsRefusedAndNeverFollowed(@TempDir Path folder) throws Exception {
		try (XmlAttack attack = new XmlAttack(folder)) {
			String file = attack.prolog("gpx")
					+ "<gpx version=\"1.1\" creator=\"&file;\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
					+ "<trk><name>&file;&web;&leak;</name><type>&file;</type><trkseg>"
					+ "<trkpt lat=\"48.2\" lon=\"11\"><time>2025-05-04T07:30:00Z</time></trkpt>"
					+ "</trkseg></trk></gpx>";

			UnreadableFileException refused = reason(file.getBytes(StandardCharsets.UTF_8), "unsafeXml");

			attack.assertNotFollowed(refused);
		}
	}

	@Test
	void aDeclarationIsRefusedWhenItComesOneByteAtATimeOrInSmallLetters(@TempDir Path folder) throws Exception {
		try (XmlAttack attack = new XmlAttack(folder)) {
			String file = attack.prolog("gpx").replace("<!DOCTYPE", "<!doctype")
					+ "<gpx version=\"1.1\"><trk><name>&file;</name></trk></gpx>";
			InputStream trickle = new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)) {

				@Override
				public synchronized int read(byte[] buffer, int offset, int length) {
					return super.read(buffer, offset, Math.min(length, 1));
				}

			};

			UnreadableFileException refused = catchThrowableOfType(UnreadableFileException.class,
					() -> this.reader.read(trickle, "a.gpx", XmlAttack.budget()));

			assertThat(refused.reasonKey()).isEqualTo("training.unreadable.unsafeXml");
			attack.assertNotFollowed(refused);
		}
	}

	@Test
	void theAttackIsRealForAParserLeftAsItIs(@TempDir Path folder) throws Exception {
		// the check of the tests above: the same declarations, read by the JDK's parser
		// as it comes, do bring the secret in, so their passing means something
		try (XmlAttack attack = new XmlAttack(folder)) {
			String file = attack.prolog("gpx") + "<gpx><name>&file;</name></gpx>";
			XMLStreamReader xml = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new StringReader(file));
			StringBuilder text = new StringBuilder();
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamReader.CHARACTERS) {
					text.append(xml.getText());
				}
			}

			assertThat(text.toString()).contains(attack.secret);
		}
	}

	// --- Helpers ---

	private void assertReason(byte[] file, String reason) {
		reason(file, reason);
	}

	private UnreadableFileException reason(byte[] file, String reason) {
		UnreadableFileException refused = catchThrowableOfType(UnreadableFileException.class,
				() -> this.reader.read(in(file), "a.gpx", XmlAttack.budget()));
		assertThat(refused).as("the file is refused").isNotNull();
		assertThat(refused.reasonKey()).isEqualTo("training.unreadable." + reason);
		return refused;
	}

	private static Activity only(List<Activity> activities) {
		assertThat(activities).hasSize(1);
		return activities.get(0);
	}

	/**
	 * Points due north along 11E from a latitude, 0.01 degrees and five minutes apart
	 * (3.7 m/s, a runner's pace).
	 */
	private static List<WayPoint> meridian(double fromLatitude, int points) {
		return IntStream.range(0, points)
			.mapToObj((i) -> WayPoint.builder()
				.lat(fromLatitude + i / 100.0)
				.lon(11.0)
				.time(START.plusSeconds(300L * i))
				.build())
			.toList();
	}

	private static Consumer<Track.Builder> track(String type, double fromLatitude, Instant start, int points) {
		return (track) -> {
			if (type != null) {
				track.type(type);
			}
			track.addSegment((segment) -> IntStream.range(0, points)
				.forEach((i) -> segment.addPoint(
						(point) -> point.lat(fromLatitude + i / 100.0).lon(11.0).time(start.plusSeconds(300L * i)))));
		};
	}

	/**
	 * The length of the meridian between two latitudes on WGS84, integrated from its
	 * radius of curvature (Simpson's rule): a figure found without jpx.
	 */
	static double meridianArc(double fromDegrees, double toDegrees) {
		double a = 6378137.0;
		double f = 1 / 298.257223563;
		double e2 = f * (2 - f);
		DoubleUnaryOperator radius = (phi) -> a * (1 - e2) / Math.pow(1 - e2 * Math.sin(phi) * Math.sin(phi), 1.5);
		int n = 1000;
		double from = Math.toRadians(fromDegrees);
		double h = (Math.toRadians(toDegrees) - from) / n;
		double sum = radius.applyAsDouble(from) + radius.applyAsDouble(from + n * h);
		for (int i = 1; i < n; i++) {
			sum += ((i % 2 == 1) ? 4 : 2) * radius.applyAsDouble(from + i * h);
		}
		return sum * h / 3;
	}

	private static byte[] gpx(Consumer<GPX.Builder> content) throws IOException {
		GPX.Builder builder = GPX.builder().creator("test");
		content.accept(builder);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		GPX.Writer.DEFAULT.write(builder.build(), out);
		return out.toByteArray();
	}

	private static InputStream in(byte[] file) {
		return new ByteArrayInputStream(file);
	}

	private static InputStream in(String file) {
		return in(file.getBytes(StandardCharsets.UTF_8));
	}

}
