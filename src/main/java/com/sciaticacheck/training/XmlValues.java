package com.sciaticacheck.training;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The values GPX and TCX files write as text: times, distances and names of sports. */
final class XmlValues {

	/** Longer words for a sport are cut: they are only shown back to the runner. */
	private static final int SHOWN_LENGTH = 40;

	private XmlValues() {
	}

	/**
	 * A time as both formats write it, an XML Schema {@code dateTime} such as
	 * {@code 2012-12-26T21:29:53Z}, with or without fractions of a second or an offset;
	 * {@code null} where there is none or it is in no such form. A time without an offset
	 * is taken as UTC: GPX says its times are UTC, and Garmin writes TCX times in UTC.
	 */
	static Instant time(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex2) {
				return null;
			}
		}
	}

	/**
	 * A number written in the file, or {@code null} where it is not one ({@code NaN} and
	 * infinities are not numbers of anything a file records).
	 */
	static Double number(String text) {
		if (text == null) {
			return null;
		}
		try {
			double number = Double.parseDouble(text.strip());
			return Double.isFinite(number) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * A file's own word, such as its sport, cut and cleaned to be shown back on a page;
	 * {@code null} where there is none.
	 */
	static String shownWord(String word) {
		if (word == null || word.isBlank()) {
			return null;
		}
		StringBuilder shown = new StringBuilder();
		word.strip()
			.replaceAll("\\s+", " ")
			.codePoints()
			.limit(SHOWN_LENGTH)
			.forEach((c) -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return shown.toString();
	}

	/** The word in lower case with '_' and '-' as spaces, to compare with known words. */
	static String normalised(String word) {
		return word.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
	}

}
