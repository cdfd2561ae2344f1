package com.sciaticacheck.training;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The table of contents of a zip held in memory, read from its central directory: the
 * names of its entries without unpacking any, and one entry opened on its own. A Strava
 * export holds a file for every activity of every year, and only the last weeks' are
 * wanted; {@link java.util.zip.ZipInputStream} would unpack each one on the way to the
 * next, and {@link java.util.zip.ZipFile} needs the zip on disk, where an upload is never
 * put.
 *
 * <p>
 * Everything is checked against the bytes there are, so a damaged or crafted directory
 * gives no directory or an entry that fails to open, never a read outside the array.
 * ZIP64 is not read: uploads are far below the 4 GB it is for.
 */
final class ZipDirectory {

	private static final int END_SIGNATURE = 0x06054b50;

	private static final int ENTRY_SIGNATURE = 0x02014b50;

	private static final int LOCAL_SIGNATURE = 0x04034b50;

	private static final int END_SIZE = 22;

	private static final int ENTRY_SIZE = 46;

	private static final int LOCAL_SIZE = 30;

	private static final int STORED = 0;

	private static final int DEFLATED = 8;

	/**
	 * One entry as the directory lists it.
	 *
	 * @param name its path in the zip, such as {@code activities/123.fit.gz}
	 * @param flags its general purpose flags (bit 0: encrypted)
	 * @param method how it is compressed
	 * @param compressedSize its size in the zip
	 * @param localOffset where its local header starts
	 */
	record Entry(String name, int flags, int method, long compressedSize, long localOffset) {

		boolean isDirectory() {
			return this.name.endsWith("/");
		}

	}

	private final byte[] zip;

	private final List<Entry> entries;

	private final Map<String, Entry> byName = new HashMap<>();

	private final Map<String, Entry> byLowerCaseName = new HashMap<>();

	private ZipDirectory(byte[] zip, List<Entry> entries) {
		this.zip = zip;
		this.entries = List.copyOf(entries);
		for (Entry entry : entries) {
			this.byName.putIfAbsent(entry.name(), entry);
			this.byLowerCaseName.putIfAbsent(entry.name().toLowerCase(Locale.ROOT), entry);
		}
	}

	/**
	 * The directory of the zip, or none where it has none that can be read: cut short,
	 * damaged, or ZIP64.
	 */
	static Optional<ZipDirectory> of(byte[] zip) {
		int end = findEnd(zip);
		if (end < 0) {
			return Optional.empty();
		}
		int count = u16(zip, end + 10);
		long size = u32(zip, end + 12);
		long offset = u32(zip, end + 16);
		if (offset + size > end) {
			// also where ZIP64 stands in 0xFFFFFFFF for the offset
			return Optional.empty();
		}
		List<Entry> entries = new ArrayList<>();
		int at = (int) offset;
		for (int i = 0; i < count; i++) {
			if (at + ENTRY_SIZE > end || u32(zip, at) != ENTRY_SIGNATURE) {
				return Optional.empty();
			}
			int nameLength = u16(zip, at + 28);
			int next = at + ENTRY_SIZE + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
			if (next > end) {
				return Optional.empty();
			}
			entries.add(new Entry(new String(zip, at + ENTRY_SIZE, nameLength, StandardCharsets.UTF_8),
					u16(zip, at + 8), u16(zip, at + 10), u32(zip, at + 20), u32(zip, at + 42)));
			at = next;
		}
		return Optional.of(new ZipDirectory(zip, entries));
	}

	List<Entry> entries() {
		return this.entries;
	}

	/**
	 * The entry of that path, the first where a zip holds it twice; failing an exact
	 * match, one whose path differs only in case, as a zip re-made on Windows may have.
	 */
	Optional<Entry> find(String name) {
		Entry exact = this.byName.get(name);
		return Optional.ofNullable((exact != null) ? exact : this.byLowerCaseName.get(name.toLowerCase(Locale.ROOT)));
	}

	/**
	 * The entry's content, unpacked as it is read. Close it: it holds an
	 * {@link Inflater}'s native memory.
	 * @throws ZipException where the entry is encrypted, packed in a way zips rarely use,
	 * or its header is damaged
	 * @throws EOFException where the zip ends before the entry does
	 */
	InputStream open(Entry entry) throws IOException {
		long local = entry.localOffset();
		if (local + LOCAL_SIZE > this.zip.length || u32(this.zip, (int) local) != LOCAL_SIGNATURE) {
			throw new ZipException("no local header");
		}
		long start = local + LOCAL_SIZE + u16(this.zip, (int) local + 26) + u16(this.zip, (int) local + 28);
		long end = start + entry.compressedSize();
		if (end > this.zip.length) {
			throw new EOFException("the zip ends inside the entry");
		}
		if ((entry.flags() & 1) != 0) {
			throw new ZipException("encrypted");
		}
		return switch (entry.method()) {
			case STORED -> new ByteArrayInputStream(this.zip, (int) start, (int) (end - start));
			// one byte more where there is one: raw deflate may ask for a byte past its
			// end before it sees that it ended, as java.util.zip.ZipFile knows too
			case DEFLATED -> new Inflated(new ByteArrayInputStream(this.zip, (int) start,
					(int) (Math.min(end + 1, this.zip.length) - start)));
			default -> throw new ZipException("compression method " + entry.method());
		};
	}

	/** Where the end of central directory record starts, or -1. */
	private static int findEnd(byte[] zip) {
		// the record is the last thing in a zip but for a comment of up to 65,535 bytes
		int last = zip.length - END_SIZE;
		for (int at = last; at >= 0 && at >= last - 0xFFFF; at--) {
			if (u32(zip, at) == END_SIGNATURE && at + END_SIZE + u16(zip, at + 20) <= zip.length) {
				return at;
			}
		}
		return -1;
	}

	private static int u16(byte[] bytes, int at) {
		return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
	}

	private static long u32(byte[] bytes, int at) {
		return (u16(bytes, at) | (long) u16(bytes, at + 2) << 16);
	}

	/** Inflates one entry, and frees its inflater when closed. */
	private static final class Inflated extends InflaterInputStream {

		Inflated(InputStream compressed) {
			super(compressed, new Inflater(true), 8192);
		}

		@Override
		public void close() throws IOException {
			try {
				super.close();
			}
			finally {
				this.inf.end();
			}
		}

	}

}
