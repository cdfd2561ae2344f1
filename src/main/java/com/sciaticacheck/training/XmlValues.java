package com.sciaticacheck.training;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The values GPX and TCX files write as text: times, distances and names of sports, and
 * the text of an element, read in no more memory than one of them.
 */
final class XmlValues {

	/** Longer words for a sport are cut: they are only shown back to the runner. */
	private static final int SHOWN_LENGTH = 40;

	/**
	 * The longest value read: a time, a number or the word for a sport is a few dozen
	 * characters. {@link #elementText(XMLStreamReader)} keeps one character more, so a
	 * longer value is seen to be too long and is no time or number.
	 */
	static final int MAX_VALUE = 256;

	private XmlValues() {
	}

	/**
	 * The text of the element the parser is at the start of, read to its end tag: the
	 * text, CDATA and white space in it, without its comments and processing
	 * instructions, as {@link XMLStreamReader#getElementText()} gives it, but no more
	 * than {@link #MAX_VALUE} + 1 characters of it. That method joins all the text
	 * however long: a file can split a value of hundreds of megabytes by comments, each
	 * piece short enough for {@link XmlScreen}. Like it, an element in the element is an
	 * error of the file.
	 * @throws XMLStreamException where the element holds another, or the file fails
	 * @throws UnreadableFileException where the element holds an entity reference
	 */
	static String elementText(XMLStreamReader xml) throws XMLStreamException, UnreadableFileException {
		StringBuilder text = new StringBuilder();
		while (true) {
			switch (xml.next()) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					// the parser's own characters, not a copy of them as a String
					int kept = Math.min(xml.getTextLength(), MAX_VALUE + 1 - text.length());
					if (kept > 0) {
						text.append(xml.getTextCharacters(), xml.getTextStart(), kept);
					}
				}
				case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
				}
				case XMLStreamConstants.END_ELEMENT -> {
					return text.toString();
				}
				case XMLStreamConstants.ENTITY_REFERENCE -> throw new UnreadableFileException("unsafeXml");
				default -> throw new XMLStreamException("The element holds more than text");
			}
		}
	}

	/**
	 * A time as both formats write it, an XML Schema {@code dateTime} such as
	 * {@code 2012-12-26T21:29:53Z}, with or without fractions of a second or an offset;
	 * {@code null} where there is none or it is in no such form. A time without an offset
	 * is taken as UTC: GPX says its times are UTC, and Garmin writes TCX times in UTC.
	 */
	static Instant time(String text) {
		if (text == null || text.isBlank() || text.length() > MAX_VALUE) {
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
	 * infinities are not numbers of anything a file records, nor are numbers longer than
	 * {@link #MAX_VALUE}).
	 */
	static Double number(String text) {
		if (text == null || text.length() > MAX_VALUE) {
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
