package com.sciaticacheck.training;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * A file made as it is read: a head, one piece many times over, and a tail. A test can
 * give a reader hundreds of megabytes this way without holding them, so what the reader
 * holds is all the memory the test uses.
 */
final class RepeatedXml extends InputStream {

	private final byte[] head;

	private final byte[] piece;

	private final long times;

	private final byte[] tail;

	private long position;

	RepeatedXml(String head, String piece, long times, String tail) {
		this.head = head.getBytes(StandardCharsets.UTF_8);
		this.piece = piece.getBytes(StandardCharsets.UTF_8);
		this.times = times;
		this.tail = tail.getBytes(StandardCharsets.UTF_8);
	}

	/** As many pieces as come to at least this many bytes. */
	static RepeatedXml ofAtLeast(long bytes, String head, String piece, String tail) {
		int length = piece.getBytes(StandardCharsets.UTF_8).length;
		return new RepeatedXml(head, piece, (bytes + length - 1) / length, tail);
	}

	private long bodyEnd() {
		return this.head.length + this.piece.length * this.times;
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		long total = bodyEnd() + this.tail.length;
		if (length == 0) {
			return 0;
		}
		if (this.position >= total) {
			return -1;
		}
		int read = 0;
		while (read < length && this.position < total) {
			byte[] part;
			int at;
			if (this.position < this.head.length) {
				part = this.head;
				at = (int) this.position;
			}
			else if (this.position < bodyEnd()) {
				part = this.piece;
				at = (int) ((this.position - this.head.length) % this.piece.length);
			}
			else {
				part = this.tail;
				at = (int) (this.position - bodyEnd());
			}
			int count = Math.min(length - read, part.length - at);
			System.arraycopy(part, at, buffer, offset + read, count);
			read += count;
			this.position += count;
		}
		return read;
	}

	/**
	 * The bytes this thread has allocated so far: what a read allocated, garbage
	 * included, is the difference before and after it.
	 */
	static long allocatedByThisThread() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

}
