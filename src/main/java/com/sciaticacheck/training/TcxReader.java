package com.sciaticacheck.training;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Garmin Training Center (TCX) file as a stream: each {@code Activity} is one
 * activity, including each leg of a multisport session (a triathlon's run is a run).
 * Courses and workouts are plans, not what was done, and are not read.
 *
 * <p>
 * Its distance is the sum of its laps' own {@code DistanceMeters}, the element directly
 * in a {@code Lap}. The track points have a {@code DistanceMeters} too, but theirs is the
 * distance so far, so summing those would count the start of a run again at every point;
 * the last of them is used only where no lap gives a distance. Its start is its
 * {@code Id}, which the format makes the start time, or else its first lap's
 * {@code StartTime}.
 *
 * <p>
 * Elements are matched by local name: Garmin's files use the TrainingCenterDatabase v2
 * namespace, as the default or with a prefix, and some apps leave it out. It is parsed as
 * {@link XmlScreen} sets out: no DTD, nothing outside the file.
 */
final class TcxReader implements ActivityReader {

	/**
	 * The parents an {@code Activity} of the runner's has: not a course's or a plan's.
	 */
	private static final Set<String> ACTIVITY_PARENTS = Set.of("Activities", "FirstSport", "NextSport");

	/** The root element of every TCX file. */
	private static final String ROOT = "TrainingCenterDatabase";

	@Override
	public List<Activity> read(InputStream content, String file, ImportBudget budget) throws UnreadableFileException {
		return ElementWalk.read(content, budget, ROOT, (xml) -> new Parse(xml, file, budget));
	}

	/** One pass over one file's elements. */
	private static final class Parse extends ElementWalk {

		private final String file;

		private final ImportBudget budget;

		private final List<Activity> activities = new ArrayList<>();

		private boolean anyActivity;

		/** The activity being read, from its start tag to its end tag. */
		private Found current;

		Parse(XMLStreamReader xml, String file, ImportBudget budget) {
			super(xml, ROOT);
			this.file = file;
			this.budget = budget;
		}

		@Override
		List<Activity> activities() throws XMLStreamException, UnreadableFileException {
			walk();
			if (this.activities.isEmpty()) {
				throw new UnreadableFileException(this.anyActivity ? "tcxNoTime" : "tcxNoActivities");
			}
			return this.activities;
		}

		@Override
		boolean started(String name, String parent) throws XMLStreamException, UnreadableFileException {
			if (name.equals("Activity") && ACTIVITY_PARENTS.contains(parent)) {
				this.current = new Found(XmlValues.shownWord(this.xml.getAttributeValue(null, "Sport")));
			}
			else if (this.current != null && "Activity".equals(parent) && name.equals("Id")) {
				// the element is read to its end here, so it is not opened
				this.current.id = XmlValues.time(XmlValues.elementText(this.xml));
				return false;
			}
			else if (this.current != null && "Activity".equals(parent) && name.equals("Lap")) {
				if (this.current.laps++ == 0) {
					this.current.firstLap = XmlValues.time(this.xml.getAttributeValue(null, "StartTime"));
				}
			}
			else if (this.current != null && name.equals("DistanceMeters") && "Lap".equals(parent)
					&& "Activity".equals(grandparent())) {
				this.current.addLap(distance(XmlValues.elementText(this.xml)));
				return false;
			}
			else if (this.current != null && name.equals("DistanceMeters") && "Trackpoint".equals(parent)) {
				this.current.trackpoint(XmlValues.elementText(this.xml));
				return false;
			}
			return true;
		}

		@Override
		void ended(String name, String parent) {
			if (name.equals("Activity") && this.current != null && ACTIVITY_PARENTS.contains(parent)) {
				this.anyActivity = true;
				Found found = this.current;
				this.current = null;
				Instant start = (found.id != null) ? found.id : found.firstLap;
				// an activity that does not say when it was cannot be placed in a week;
				// the others still count
				if (start != null) {
					this.budget.countActivity();
					this.activities
						.add(new Activity(start, found.distance(), type(found.sport), found.sport, this.file));
				}
			}
		}

	}

	/** What is known of one activity while it is read. */
	private static final class Found {

		private final String sport;

		private Instant id;

		private Instant firstLap;

		private int laps;

		private double lapMetres;

		private boolean anyLapDistance;

		private double lastTrackpointMetres;

		Found(String sport) {
			this.sport = sport;
		}

		void addLap(double metres) {
			this.lapMetres += metres;
			this.anyLapDistance = true;
		}

		/** A track point's distance so far: kept only in case no lap has a distance. */
		void trackpoint(String text) {
			// one point's figure only, so one that is not a number is passed over
			Double metres = XmlValues.number(text);
			if (metres != null) {
				this.lastTrackpointMetres = Math.max(this.lastTrackpointMetres, metres);
			}
		}

		double distance() {
			return this.anyLapDistance ? this.lapMetres : this.lastTrackpointMetres;
		}

	}

	/**
	 * {@code Running} is a run; a missing sport is taken as one too, as for a GPX track
	 * without a type: the runner chose the file. TCX has no word for a trail or a
	 * treadmill run.
	 */
	static ActivityType type(String sport) {
		if (sport == null || sport.toLowerCase(Locale.ROOT).equals("running")) {
			return ActivityType.RUN;
		}
		return ActivityType.NOT_RUNNING;
	}

	/** A lap's distance: a number of metres, or the file is not one we can count. */
	private static double distance(String text) throws UnreadableFileException {
		Double metres = XmlValues.number(text);
		if (metres == null || metres < 0) {
			throw new UnreadableFileException("tcxBadNumber");
		}
		return metres;
	}

}
