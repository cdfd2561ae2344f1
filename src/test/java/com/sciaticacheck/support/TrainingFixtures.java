package com.sciaticacheck.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Training files written in tests: TCX texts with known laps, and a gzip bomb. Real
 * device files are read from ../shared/fixtures/training by the readers' own tests.
 */
public final class TrainingFixtures {

	private TrainingFixtures() {
	}

	/** One activity of a TCX file: its sport, start and the distance of each lap. */
	public record TcxActivity(String sport, Instant start, double... lapMetres) {
	}

	/** A TCX file with these activities, each lap a minute long. */
	public static byte[] tcx(TcxActivity... activities) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
				  <Activities>
				""");
		for (TcxActivity activity : activities) {
			xml.append("    <Activity Sport=\"").append(activity.sport()).append("\">\n");
			xml.append("      <Id>").append(activity.start()).append("</Id>\n");
			Instant lapStart = activity.start();
			for (double metres : activity.lapMetres()) {
				xml.append("      <Lap StartTime=\"").append(lapStart).append("\">\n");
				xml.append("        <TotalTimeSeconds>60</TotalTimeSeconds>\n");
				xml.append("        <DistanceMeters>")
					.append(String.format(Locale.ROOT, "%.1f", metres))
					.append("</DistanceMeters>\n");
				xml.append("        <Track><Trackpoint><Time>")
					.append(lapStart)
					.append("</Time><DistanceMeters>0.0</DistanceMeters></Trackpoint></Track>\n");
				xml.append("      </Lap>\n");
				lapStart = lapStart.plusSeconds(60);
			}
			xml.append("    </Activity>\n");
		}
		xml.append("  </Activities>\n</TrainingCenterDatabase>\n");
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A run of one lap. */
	public static byte[] tcxRun(Instant start, double metres) {
		return tcx(new TcxActivity("Running", start, metres));
	}

	/**
	 * A gzip of a TCX file padded with this many megabytes of empty elements: a few
	 * hundred kilobytes that unpack to far more than an import may. Written in pieces, so
	 * the test never holds it unpacked.
	 */
	public static byte[] gzipBomb(int megabytes) {
		try {
			ByteArrayOutputStream packed = new ByteArrayOutputStream();
			try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
				gzip.write("<?xml version=\"1.0\"?>\n<TrainingCenterDatabase>\n".getBytes(StandardCharsets.UTF_8));
				byte[] padding = "<x/>".repeat(256 * 1024).getBytes(StandardCharsets.UTF_8);
				for (int i = 0; i < megabytes; i++) {
					gzip.write(padding);
				}
				gzip.write("</TrainingCenterDatabase>\n".getBytes(StandardCharsets.UTF_8));
			}
			return packed.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
