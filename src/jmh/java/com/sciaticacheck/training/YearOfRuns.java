package com.sciaticacheck.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A year of daily runs as a watch records them: 365 FIT files, each with a record a
 * second (time, position, distance, heart rate) for 50 minutes and one session. Written
 * here from the FIT protocol with no library, so the benchmark measures only our reader.
 */
final class YearOfRuns {

	/** FIT's epoch: 1989-12-31T00:00:00Z. */
	private static final long FIT_EPOCH = 631065600L;

	private static final int SECONDS = 50 * 60;

	private YearOfRuns() {
	}

	/**
	 * Writes the year as one zip, for a timed upload to the running app (see
	 * docs/performance.md): {@code java -cp ... YearOfRuns target/year-of-runs.zip}.
	 */
	public static void main(String[] arguments) throws IOException {
		java.nio.file.Path zip = java.nio.file.Path.of(arguments[0]);
		java.nio.file.Files.write(zip, zip(files(LocalDate.now(ZoneOffset.UTC))).content());
		System.out.println(zip + ": " + java.nio.file.Files.size(zip) + " bytes");
	}

	/** The files, one run a day up to today, each about 10 km. */
	static List<UploadedFile> files(LocalDate today) {
		List<UploadedFile> files = new ArrayList<>();
		for (int day = 0; day < 365; day++) {
			Instant start = today.minusDays(day).atTime(7, 0).toInstant(ZoneOffset.UTC);
			files.add(new UploadedFile("run-" + day + ".fit", run(start, 9000 + (day % 7) * 500)));
		}
		return files;
	}

	/** The same files in one zip, as a watch maker's export brings them. */
	static UploadedFile zip(List<UploadedFile> files) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
				for (UploadedFile file : files) {
					zip.putNextEntry(new ZipEntry("activities/" + file.name()));
					zip.write(file.content());
					zip.closeEntry();
				}
			}
			return new UploadedFile("export.zip", bytes.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One run: file_id, a record a second, a session; little-endian; with its CRC. */
	static byte[] run(Instant start, int metres) {
		ByteBuffer records = ByteBuffer.allocate(64 + SECONDS * 18 + 64).order(ByteOrder.LITTLE_ENDIAN);
		long t0 = start.getEpochSecond() - FIT_EPOCH;
		// definition, local 0: file_id (0): type (0, enum), time_created (4, uint32)
		records.put((byte) 0x40).put((byte) 0).put((byte) 0).putShort((short) 0).put((byte) 2);
		records.put((byte) 0).put((byte) 1).put((byte) 0x00);
		records.put((byte) 4).put((byte) 4).put((byte) 0x86);
		records.put((byte) 0x00).put((byte) 4).putInt((int) t0);
		// definition, local 1: record (20): timestamp, lat, long, distance, heart rate
		records.put((byte) 0x41).put((byte) 0).put((byte) 0).putShort((short) 20).put((byte) 5);
		records.put((byte) 253).put((byte) 4).put((byte) 0x86);
		records.put((byte) 0).put((byte) 4).put((byte) 0x85);
		records.put((byte) 1).put((byte) 4).put((byte) 0x85);
		records.put((byte) 5).put((byte) 4).put((byte) 0x86);
		records.put((byte) 3).put((byte) 1).put((byte) 0x02);
		for (int s = 0; s < SECONDS; s++) {
			records.put((byte) 0x01).putInt((int) (t0 + s)).putInt(612_000_000 + s * 100).putInt(-1_500_000 + s * 50)
				.putInt((int) ((long) metres * 100 * s / SECONDS)).put((byte) (140 + s % 20));
		}
		// definition, local 2: session (18): timestamp, start_time, sport, sub_sport,
		// total_distance
		records.put((byte) 0x42).put((byte) 0).put((byte) 0).putShort((short) 18).put((byte) 5);
		records.put((byte) 253).put((byte) 4).put((byte) 0x86);
		records.put((byte) 2).put((byte) 4).put((byte) 0x86);
		records.put((byte) 5).put((byte) 1).put((byte) 0x00);
		records.put((byte) 6).put((byte) 1).put((byte) 0x00);
		records.put((byte) 9).put((byte) 4).put((byte) 0x86);
		records.put((byte) 0x02).putInt((int) (t0 + SECONDS)).putInt((int) t0).put((byte) 1).put((byte) 0)
			.putInt(metres * 100);
		int size = records.position();
		ByteBuffer file = ByteBuffer.allocate(14 + size + 2).order(ByteOrder.LITTLE_ENDIAN);
		file.put((byte) 14).put((byte) 0x20).putShort((short) 2132).putInt(size).put(".FIT".getBytes());
		file.putShort((short) crc(file.array(), 0, 12));
		file.put(records.array(), 0, size);
		file.putShort((short) crc(file.array(), 0, 14 + size));
		return file.array();
	}

	private static final int[] CRC_TABLE = { 0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001,
			0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400 };

	private static int crc(byte[] bytes, int from, int to) {
		int crc = 0;
		for (int i = from; i < to; i++) {
			int b = bytes[i] & 0xFF;
			int tmp = CRC_TABLE[crc & 0xF];
			crc = (crc >> 4) & 0x0FFF;
			crc = crc ^ tmp ^ CRC_TABLE[b & 0xF];
			tmp = CRC_TABLE[crc & 0xF];
			crc = (crc >> 4) & 0x0FFF;
			crc = crc ^ tmp ^ CRC_TABLE[(b >> 4) & 0xF];
		}
		return crc;
	}

}
