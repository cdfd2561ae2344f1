package com.sciaticacheck.training;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a FIT file as its decoder takes them, read from the stream in blocks so a
 * file of any size costs one buffer, and each byte added to the file's check number (the
 * FIT CRC-16) as it passes: the check is known the moment the last byte is read, without
 * holding the file.
 */
final class FitInput {

	/** The FIT protocol's CRC-16, four bits at a time, as its specification gives it. */
	private static final int[] CRC_NIBBLES = { 0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001,
			0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400 };

	/**
	 * The same CRC a byte at a time, which halves its cost: the check of each byte of a
	 * byte-wise CRC that shifts right, such as FIT's, is what it makes of that byte
	 * alone.
	 */
	private static final int[] CRC_BYTES = new int[256];

	static {
		for (int b = 0; b < 256; b++) {
			CRC_BYTES[b] = crcByNibbles(0, b);
		}
	}

	private static final int BLOCK = 16 * 1024;

	private final InputStream in;

	private final byte[] buffer = new byte[BLOCK];

	private int next;

	private int end;

	private int crc;

	private long position;

	FitInput(InputStream in) {
		this.in = in;
	}

	/**
	 * Starts the check number and the count of bytes afresh, for a file whose header is
	 * the next byte: chained files each have their own.
	 */
	void startFile() {
		this.crc = 0;
		this.position = 0;
	}

	/** The check number of the bytes read since {@link #startFile()}. */
	int crc() {
		return this.crc;
	}

	/** How many bytes were read since {@link #startFile()}. */
	long position() {
		return this.position;
	}

	/** Whether the stream has no byte left. */
	boolean atEnd() throws IOException {
		return this.next == this.end && !fill();
	}

	int u8() throws IOException, UnreadableFileException {
		if (this.next == this.end && !fill()) {
			throw new UnreadableFileException("truncated");
		}
		int b = this.buffer[this.next++] & 0xFF;
		this.crc = crc(this.crc, b);
		this.position++;
		return b;
	}

	/**
	 * An unsigned number of 1 to 4 bytes in the given byte order.
	 */
	long unsigned(int size, boolean bigEndian) throws IOException, UnreadableFileException {
		long value = 0;
		for (int i = 0; i < size; i++) {
			long b = u8();
			value = bigEndian ? (value << 8) | b : value | (b << (8 * i));
		}
		return value;
	}

	/** Passes over bytes, adding them to the check number all the same. */
	void skip(long count) throws IOException, UnreadableFileException {
		long left = count;
		while (left > 0) {
			if (this.next == this.end && !fill()) {
				throw new UnreadableFileException("truncated");
			}
			int take = (int) Math.min(left, this.end - this.next);
			int check = this.crc;
			byte[] bytes = this.buffer;
			for (int i = this.next, stop = this.next + take; i < stop; i++) {
				check = (check >>> 8) ^ CRC_BYTES[(check ^ bytes[i]) & 0xFF];
			}
			this.crc = check;
			this.next += take;
			this.position += take;
			left -= take;
		}
	}

	private boolean fill() throws IOException {
		int read;
		do {
			read = this.in.read(this.buffer, 0, BLOCK);
		}
		while (read == 0);
		if (read < 0) {
			return false;
		}
		this.next = 0;
		this.end = read;
		return true;
	}

	/** The check number after one more byte. */
	static int crc(int crc, int b) {
		return (crc >>> 8) ^ CRC_BYTES[(crc ^ b) & 0xFF];
	}

	private static int crcByNibbles(int crc, int b) {
		int tmp = CRC_NIBBLES[crc & 0xF];
		crc = (crc >> 4) & 0x0FFF;
		crc = crc ^ tmp ^ CRC_NIBBLES[b & 0xF];
		tmp = CRC_NIBBLES[crc & 0xF];
		crc = (crc >> 4) & 0x0FFF;
		return crc ^ tmp ^ CRC_NIBBLES[(b >> 4) & 0xF];
	}

}
