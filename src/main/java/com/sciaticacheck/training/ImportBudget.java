package com.sciaticacheck.training;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What one import may still use: bytes after decompression, activities, and time. Every
 * stream a reader reads comes through {@link #meter(InputStream)}, so the byte and time
 * limits hold whatever the format, inside any parser. The first limit reached is kept:
 * parsers may wrap the exception thrown inside them, so the import asks
 * {@link #exceeded()} after any failure.
 */
public final class ImportBudget {

	private final long maxBytes;

	private final int maxActivities;

	private final long deadlineNanos;

	private final long maxSeconds;

	private long bytes;

	private int activities;

	private ImportLimitException exceeded;

	ImportBudget(TrainingSettings settings) {
		this.maxBytes = settings.maxDecompressed().toBytes();
		this.maxActivities = settings.maxActivities();
		this.maxSeconds = settings.maxParseTime().toSeconds();
		this.deadlineNanos = System.nanoTime() + settings.maxParseTime().toNanos();
	}

	/**
	 * The stream, counted against the byte limit and checked against the deadline at
	 * every read.
	 */
	InputStream meter(InputStream content) {
		return new Metered(content, true);
	}

	/**
	 * The stream, checked against the deadline at every read but not counted: for bytes
	 * that came as they are, which the upload limit bounds already.
	 */
	InputStream timed(InputStream content) {
		return new Metered(content, false);
	}

	/** One more activity found; throws once there are more than the limit. */
	void countActivity() {
		this.activities++;
		if (this.activities > this.maxActivities) {
			throw exceed(ImportLimitException.Limit.TOO_MANY_ACTIVITIES, this.maxActivities);
		}
		checkTime();
	}

	/** Throws once the import has taken longer than it may. */
	void checkTime() {
		if (this.exceeded != null) {
			throw this.exceeded;
		}
		if (System.nanoTime() - this.deadlineNanos > 0) {
			throw exceed(ImportLimitException.Limit.TOO_SLOW, this.maxSeconds);
		}
	}

	/** The limit reached, if one was: then nothing of the import counts. */
	ImportLimitException exceeded() {
		return this.exceeded;
	}

	private ImportLimitException exceed(ImportLimitException.Limit limit, Object... arguments) {
		if (this.exceeded == null) {
			this.exceeded = new ImportLimitException(limit, arguments);
		}
		return this.exceeded;
	}

	private void count(long read, boolean counted) {
		if (counted && read > 0) {
			this.bytes += read;
			if (this.bytes > this.maxBytes) {
				throw exceed(ImportLimitException.Limit.TOO_LARGE_UNPACKED, this.maxBytes / (1024 * 1024));
			}
		}
		checkTime();
	}

	private final class Metered extends FilterInputStream {

		private final boolean counted;

		Metered(InputStream in, boolean counted) {
			super(in);
			this.counted = counted;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			count((b < 0) ? 0 : 1, this.counted);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			count(read, this.counted);
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count(skipped, this.counted);
			return skipped;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

	}

}
