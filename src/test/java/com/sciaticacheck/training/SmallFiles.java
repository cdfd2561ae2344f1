package com.sciaticacheck.training;

import java.time.Instant;

/** Small TCX and GPX texts for the tests of exports and of the dispatcher. */
final class SmallFiles {

	private SmallFiles() {
	}

	/** A TCX run of one lap, as Garmin writes it. */
	static String tcx(Instant start, double metres) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
				  <Activities>
				    <Activity Sport="Running">
				      <Id>%1$s</Id>
				      <Lap StartTime="%1$s">
				        <TotalTimeSeconds>1800</TotalTimeSeconds>
				        <DistanceMeters>%3$s</DistanceMeters>
				        <Calories>300</Calories>
				        <Intensity>Active</Intensity>
				        <TriggerMethod>Manual</TriggerMethod>
				        <Track>
				          <Trackpoint><Time>%1$s</Time><DistanceMeters>0.0</DistanceMeters></Trackpoint>
				          <Trackpoint><Time>%2$s</Time><DistanceMeters>%3$s</DistanceMeters></Trackpoint>
				        </Track>
				      </Lap>
				    </Activity>
				  </Activities>
				</TrainingCenterDatabase>
				""".formatted(start, start.plusSeconds(1800), metres);
	}

	/** A GPX run of two points about 1.1 km apart. */
	static String gpx(Instant start) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
				  <trk>
				    <type>running</type>
				    <trkseg>
				      <trkpt lat="51.5000" lon="-0.1000"><time>%s</time></trkpt>
				      <trkpt lat="51.5100" lon="-0.1000"><time>%s</time></trkpt>
				    </trkseg>
				  </trk>
				</gpx>
				""".formatted(start, start.plusSeconds(360));
	}

}
