package com.sciaticacheck.training;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated records as RFC 4180 writes them: a field in double quotes may
 * hold commas, line breaks and doubled quotes, as the descriptions in Strava's
 * {@code activities.csv} do. Lines may end in CRLF, LF or CR; a byte order mark at the
 * start is dropped. It is lenient where a spreadsheet is (a stray quote inside a field is
 * kept as it is) and strict only where the text cannot be whole (a quoted field still
 * open at the end).
 *
 * <p>
 * Memory stays bounded whatever the file: a field longer than its limit is cut, and
 * fields past the limit of a record are dropped. The fields a reader needs (dates,
 * numbers, file names) are short; only the runner's own texts are long, and those are
 * never needed.
 */
final class CsvReader {

	private final Reader in;

	private final int maxFieldChars;

	private final int maxFields;

	private final char[] buffer = new char[8192];

	private int position;

	private int limit;

	private boolean started;

	private boolean ended;

	/**
	 * @param in the text, read to its end
	 * @param maxFieldChars the characters kept of one field
	 * @param maxFields the fields kept of one record
	 */
	CsvReader(Reader in, int maxFieldChars, int maxFields) {
		this.in = in;
		this.maxFieldChars = maxFieldChars;
		this.maxFields = maxFields;
	}

	/**
	 * The next record, or {@code null} at the end. A blank line is a record of one empty
	 * field, as RFC 4180 has it; callers skip it.
	 * @throws EOFException where a quoted field is still open at the end
	 */
	List<String> next() throws IOException {
		if (this.ended) {
			return null;
		}
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean atFieldStart = true;
		boolean quoted = false;
		boolean any = false;
		while (true) {
			int c = read();
			if (c < 0) {
				this.ended = true;
				if (quoted) {
					throw new EOFException("a quoted field is not closed");
				}
				if (!any) {
					return null;
				}
				add(fields, field);
				return fields;
			}
			any = true;
			if (quoted) {
				if (c != '"') {
					append(field, c);
				}
				else if (peek() == '"') {
					read();
					append(field, '"');
				}
				else {
					quoted = false;
				}
			}
			else if (c == '"' && atFieldStart) {
				quoted = true;
				atFieldStart = false;
			}
			else if (c == ',') {
				add(fields, field);
				field.setLength(0);
				atFieldStart = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && peek() == '\n') {
					read();
				}
				add(fields, field);
				return fields;
			}
			else {
				append(field, c);
				atFieldStart = false;
			}
		}
	}

	private void append(StringBuilder field, int c) {
		if (field.length() < this.maxFieldChars) {
			field.append((char) c);
		}
	}

	private void add(List<String> fields, StringBuilder field) {
		if (fields.size() < this.maxFields) {
			fields.add(field.toString());
		}
	}

	private int read() throws IOException {
		if (!fill()) {
			return -1;
		}
		char c = this.buffer[this.position++];
		if (!this.started) {
			this.started = true;
			if (c == '\uFEFF') {
				return read();
			}
		}
		return c;
	}

	private int peek() throws IOException {
		return fill() ? this.buffer[this.position] : -1;
	}

	private boolean fill() throws IOException {
		while (this.position >= this.limit) {
			int read = this.in.read(this.buffer, 0, this.buffer.length);
			if (read < 0) {
				return false;
			}
			this.position = 0;
			this.limit = read;
		}
		return true;
	}

}
