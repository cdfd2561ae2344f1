package com.sciaticacheck.training;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.jenetics.jpx.WayPoint;
import io.jenetics.jpx.geom.Geoid;

/**
 * Reads a GPX file as a stream: each track ({@code trk}) is one activity, which started
 * at its first point's time and went as far as the distance along its points on the WGS84
 * ellipsoid (jpx's geodesic), segment by segment. Routes and way points are plans, not
 * what was recorded, and are not read.
 *
 * <p>
 * jpx's own reader is not used, for three reasons found in trying it. Saxon-HE is on the
 * app's class path (through HAPI FHIR), and jpx copies each point's {@code <extensions>}
 * (where Garmin and Strava write heart rate) through the JAXP transformer, which is then
 * Saxon's: it reads on to the end of the file, so every point after the first with
 * extensions was lost and a run came out a few metres long. jpx also holds the whole
 * document in memory, those extensions as a small XML document per point (a 40 MB file
 * took 257 MB of heap), and makes its parser with the JDK's defaults, which fetch an
 * external DTD a file names. Read as a stream, a file of any size takes the memory of one
 * point, and the parser is ours, set safely (see {@link XmlScreen}).
 *
 * <p>
 * A point whose position is not a number, or off the globe, is left out and the rest of
 * the track still counts: one bad point shortens the distance by a few metres at most,
 * where refusing the file would lose the whole run. A time that cannot be read is treated
 * as none.
 */
final class GpxReader implements ActivityReader {

	private static final String ROOT = "gpx";

	/**
	 * Words for a track's {@code <type>} as Garmin Connect, Strava and other apps write
	 * them, in the form of {@link XmlValues#normalised(String)}. Strava's older files
	 * give its activity code: 9 is a run.
	 */
	private static final Map<String, ActivityType> RUNNING = Map.ofEntries(Map.entry("running", ActivityType.RUN),
			Map.entry("run", ActivityType.RUN), Map.entry("9", ActivityType.RUN),
			Map.entry("street running", ActivityType.RUN), Map.entry("track running", ActivityType.RUN),
			Map.entry("ultra run", ActivityType.RUN), Map.entry("trail running", ActivityType.TRAIL_RUN),
			Map.entry("trail run", ActivityType.TRAIL_RUN), Map.entry("trailrun", ActivityType.TRAIL_RUN),
			Map.entry("treadmill running", ActivityType.TREADMILL_RUN),
			Map.entry("treadmill", ActivityType.TREADMILL_RUN), Map.entry("indoor running", ActivityType.TREADMILL_RUN),
			Map.entry("virtual run", ActivityType.TREADMILL_RUN), Map.entry("virtualrun", ActivityType.TREADMILL_RUN));

	@Override
	public List<Activity> read(InputStream content, String file, ImportBudget budget) throws UnreadableFileException {
		return ElementWalk.read(content, budget, ROOT, (xml) -> new Parse(xml, file, budget));
	}

	/**
	 * A track with no type is taken as a run: many apps and watches write none, and the
	 * runner chose this file to show their running. The activity is listed for them to
	 * check, with its date and distance.
	 */
	static ActivityType type(String sport) {
		if (sport == null) {
			return ActivityType.RUN;
		}
		return RUNNING.getOrDefault(XmlValues.normalised(sport), ActivityType.NOT_RUNNING);
	}

	/** One pass over one file's elements. */
	private static final class Parse extends ElementWalk {

		private final String file;

		private final ImportBudget budget;

		private final List<Activity> activities = new ArrayList<>();

		private boolean anyPoint;

		/** The track being read, from its start tag to its end tag. */
		private Track track;

		Parse(XMLStreamReader xml, String file, ImportBudget budget) {
			super(xml, ROOT);
			this.file = file;
			this.budget = budget;
		}

		@Override
		List<Activity> activities() throws XMLStreamException, UnreadableFileException {
			walk();
			if (this.activities.isEmpty()) {
				throw new UnreadableFileException(this.anyPoint ? "gpxNoTime" : "gpxNoTracks");
			}
			return this.activities;
		}

		@Override
		boolean started(String name, String parent) throws XMLStreamException, UnreadableFileException {
			if (name.equals("trk") && ROOT.equals(parent)) {
				this.budget.checkTime();
				this.track = new Track();
			}
			else if (this.track != null && name.equals("type") && "trk".equals(parent)) {
				// the element is read to its end here, so it is not opened
				this.track.sport = XmlValues.shownWord(XmlValues.elementText(this.xml));
				return false;
			}
			else if (this.track != null && name.equals("trkseg") && "trk".equals(parent)) {
				this.track.newSegment();
			}
			else if (this.track != null && name.equals("trkpt") && "trkseg".equals(parent)) {
				this.anyPoint = true;
				this.track.point(XmlValues.number(this.xml.getAttributeValue(null, "lat")),
						XmlValues.number(this.xml.getAttributeValue(null, "lon")));
			}
			else if (this.track != null && name.equals("time") && "trkpt".equals(parent)) {
				this.track.time(XmlValues.time(XmlValues.elementText(this.xml)));
				return false;
			}
			return true;
		}

		@Override
		void ended(String name, String parent) {
			if (name.equals("trk") && this.track != null && ROOT.equals(parent)) {
				Track found = this.track;
				this.track = null;
				found.finish();
				// a track without any time cannot be placed in a week; the others count
				if (found.start != null) {
					this.budget.countActivity();
					this.activities
						.add(new Activity(found.start, found.metres, type(found.sport), found.sport, this.file));
				}
			}
		}

	}

	/**
	 * What is known of one track while it is read: never more than its last two points,
	 * each forgotten once the next one is measured from it.
	 */
	private static final class Track {

		/**
		 * Faster than any runner (43 km/h): a step between two timed points at this speed
		 * is a jump of the GPS, not running.
		 */
		static final double MAX_METRES_PER_SECOND = 12;

		/** The longest step between two points without times that is taken as running. */
		static final double MAX_UNTIMED_STEP_METRES = 5000;

		private String sport;

		private Instant start;

		private double metres;

		/** The last point of the segment measured, none at a segment's start. */
		private WayPoint previous;

		private Instant previousTime;

		/**
		 * The point being read, measured once its time (which comes after it) is known.
		 */
		private WayPoint pending;

		private Instant pendingTime;

		/** A point at a position, or one left out where it is not a position on earth. */
		void point(Double latitude, Double longitude) {
			measurePending();
			boolean onEarth = latitude != null && longitude != null && Math.abs(latitude) <= 90
					&& Math.abs(longitude) <= 180;
			this.pending = onEarth ? WayPoint.of(latitude, longitude) : null;
			this.pendingTime = null;
		}

		/** The time of the point being read: the first one is the track's start. */
		void time(Instant time) {
			if (this.pending == null || time == null) {
				return;
			}
			this.pendingTime = time;
			if (this.start == null) {
				this.start = time;
			}
		}

		/** A new segment: no distance across the gap from the last one. */
		void newSegment() {
			measurePending();
			this.previous = null;
			this.previousTime = null;
		}

		void finish() {
			measurePending();
		}

		/**
		 * Adds the step from the last point to the pending one, unless it is a jump: a
		 * point a watch placed far off (at 0,0, say) would otherwise add thousands of
		 * kilometres to a run.
		 */
		private void measurePending() {
			if (this.pending == null) {
				return;
			}
			if (this.previous != null) {
				double step = step(this.previous, this.pending);
				long seconds = (this.previousTime != null && this.pendingTime != null)
						? this.pendingTime.getEpochSecond() - this.previousTime.getEpochSecond() : 0;
				boolean running = (seconds > 0) ? step <= MAX_METRES_PER_SECOND * seconds
						: step <= MAX_UNTIMED_STEP_METRES;
				if (running) {
					this.metres += step;
				}
			}
			this.previous = this.pending;
			this.previousTime = this.pendingTime;
			this.pending = null;
		}

		/**
		 * The distance between two points; none where the geodesic cannot be found, which
		 * is only between points on nearly opposite sides of the earth: not a step of a
		 * run.
		 */
		private static double step(WayPoint from, WayPoint to) {
			try {
				return Geoid.WGS84.distance(from, to).doubleValue();
			}
			catch (ArithmeticException ex) {
				return 0;
			}
		}

	}

}
