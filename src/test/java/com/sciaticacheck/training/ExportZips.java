package com.sciaticacheck.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.util.unit.DataSize;

/**
 * Builds the zips and gzips the training file tests read, in memory, and the budget an
 * import runs on.
 */
final class ExportZips {

	private ExportZips() {
	}

	/** The budget of the app's defaults: 200 MB, 2,000 activities, 30 s. */
	static ImportBudget budget() {
		return new ImportBudget(new TrainingSettings(DataSize.ofMegabytes(200), 2000, Duration.ofSeconds(30), 2));
	}

	/** A zip of these entries, in this order (give a LinkedHashMap or Map.of one). */
	static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static byte[] gzip(byte[] content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A zip of one entry that unpacks to {@code head}, then {@code repeated} until
	 * {@code size} bytes, written as it is compressed: the test never holds the unpacked
	 * bytes.
	 */
	static byte[] zipBomb(String entry, byte[] head, byte[] repeated, long size) {
		return zipBomb(Map.of(), entry, head, repeated, size);
	}

	/** The same, after these small entries. */
	static byte[] zipBomb(Map<String, byte[]> before, String entry, byte[] head, byte[] repeated, long size) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (Map.Entry<String, byte[]> small : before.entrySet()) {
				zip.putNextEntry(new ZipEntry(small.getKey()));
				zip.write(small.getValue());
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry(entry));
			write(zip, head, repeated, size);
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * A gzip that unpacks to {@code head}, then {@code repeated} until {@code size}
	 * bytes.
	 */
	static byte[] gzipBomb(byte[] head, byte[] repeated, long size) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024) {
			{
				this.def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			write(gzip, head, repeated, size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void write(OutputStream out, byte[] head, byte[] repeated, long size) throws IOException {
		out.write(head);
		byte[] block = new byte[64 * 1024 - (64 * 1024) % repeated.length];
		for (int i = 0; i < block.length; i++) {
			block[i] = repeated[i % repeated.length];
		}
		for (long written = head.length; written < size; written += block.length) {
			out.write(block, 0, (int) Math.min(block.length, size - written));
		}
	}

	/**
	 * The activities a reader gives for this content, or none where it cannot read it.
	 */
	static List<Activity> readWith(ActivityReader reader, byte[] content, String name) {
		try (InputStream in = new java.io.ByteArrayInputStream(content)) {
			return reader.read(in, name, budget());
		}
		catch (UnreadableFileException | IOException | RuntimeException ex) {
			return List.of();
		}
	}

}
