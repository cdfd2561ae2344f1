package com.sciaticacheck.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The characters of a GPX or TCX file on their way into an XML parser, looked at as they
 * pass: the parser only ever sees what this has already checked.
 *
 * <p>
 * It refuses any document type declaration ({@code <!DOCTYPE}) and entity declaration
 * ({@code <!ENTITY}) before the parser gets them. Those are how an XML file makes a
 * parser fetch another file or address (its content then read back into ours) or expand
 * entities into gigabytes; a GPX or TCX file never needs one. The {@link #parser()
 * parser} is also set to read no DTD; checking the characters as well means the runner is
 * told why the file was refused, and that the guard holds should a parser's settings ever
 * be lost or not apply (jpx's reader, for one, makes its own parser with the JDK's
 * defaults, which fetch an external DTD). No declaration can exist without these words in
 * the text, as markup cannot come from a character reference, so a file that passes has
 * none.
 *
 * <p>
 * Bytes are decoded as UTF-8 here and the parser is given characters, so it cannot be
 * told to read them in another encoding that would hide the words from this check. GPX
 * and TCX files are UTF-8 (or plain ASCII); in one that is not, only names and notes,
 * which are not read, could come out wrong. A byte order mark is dropped, as the JDK's
 * parser refuses it when given characters.
 *
 * <p>
 * It also refuses a value too long for any GPX or TCX file ({@link #MAX_STRETCH}), and
 * notes what the reason for a failure needs: whether the file was empty, the name of its
 * first element, and whether it ended before its root element closed. To know where a
 * value ends it follows the markup as the parser does ({@link Markup}), a character at a
 * time, so a marker split between two reads is still seen.
 */
final class XmlScreen extends Reader {

	private static final char[][] REFUSED = { "<!DOCTYPE".toCharArray(), "<!ENTITY".toCharArray() };

	/** What follows {@code <![} in a CDATA section's start. */
	private static final char[] CDATA_WORD = "CDATA[".toCharArray();

	/**
	 * The most characters a file may have from the {@code <} that starts a tag, comment,
	 * CDATA section or processing instruction to the {@code <} that starts the next one:
	 * the markup and the text after it. A parser holds each of these whole (a comment
	 * whatever {@code <} it holds, a tag with all its attribute values), so without a
	 * limit one of them (a small file, gzipped) could fill the memory of the app; in a
	 * GPX or TCX file they are a few dozen characters.
	 */
	static final int MAX_STRETCH = 1024 * 1024;

	/**
	 * The deepest elements may nest. A parser keeps every open element, so without a
	 * limit a file of nothing but start tags could fill the memory of the app; GPX and
	 * TCX files nest less than a dozen deep.
	 */
	static final int MAX_DEPTH = 64;

	/** How many of the last characters are kept, to see how the file ended. */
	private static final int TAIL = 128;

	private final Reader in;

	private final int[] matched = new int[REFUSED.length];

	private final StringBuilder root = new StringBuilder();

	/** The last characters other than white space, as a ring. */
	private final char[] tail = new char[TAIL];

	private long tailCount;

	private boolean first = true;

	private boolean anyContent;

	private boolean unsafe;

	private int stretch;

	private boolean overlong;

	private boolean ended;

	/** Where the root element's name is: not yet seen, being read, read. */
	private RootName rootName = RootName.BEFORE;

	/** What the character being looked at is part of. */
	private Markup markup = Markup.TEXT;

	/**
	 * Within {@link Markup#CDATA_START}, how much of {@code CDATA[} has been seen; within
	 * a comment, CDATA section or processing instruction, how many of its closing
	 * {@code -}, {@code ]} or {@code ?} came last.
	 */
	private int progress;

	/** The quote of the attribute value being read, 0 outside one. */
	private char quote;

	private enum RootName {

		BEFORE, READING, READ

	}

	/**
	 * Where in the markup a character is, as the parser sees it. Only a {@code <} in text
	 * starts new markup: in a comment, a CDATA section or a processing instruction it is
	 * a character like any other, and in a tag it is an error the parser stops at.
	 */
	private enum Markup {

		/** Text, or nothing yet. */
		TEXT,
		/** Just after a {@code <}. */
		OPENED,
		/** Just after {@code <!}. */
		BANG,
		/** Just after {@code <!-}. */
		COMMENT_START,
		/** After {@code <![}, reading {@code CDATA[}. */
		CDATA_START,
		/** A tag or other declaration, to its {@code >} outside any quotes. */
		TAG,
		/** In a comment, to {@code -->}. */
		COMMENT,
		/** In a CDATA section, to {@code ]]>}. */
		CDATA,
		/** In a processing instruction (the XML declaration is one), to {@code ?>}. */
		INSTRUCTION

	}

	XmlScreen(InputStream content) {
		this.in = new InputStreamReader(content, StandardCharsets.UTF_8);
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		refuseIfNeeded();
		int read = this.in.read(buffer, offset, length);
		if (read < 0) {
			this.ended = true;
			return read;
		}
		if (this.first && read > 0) {
			this.first = false;
			if (buffer[offset] == '\uFEFF') {
				// the parser is not told about the mark: the characters after it move up
				System.arraycopy(buffer, offset + 1, buffer, offset, read - 1);
				read--;
				if (read == 0) {
					return read(buffer, offset, length);
				}
			}
		}
		for (int i = offset; i < offset + read; i++) {
			look(buffer[i]);
		}
		refuseIfNeeded();
		return read;
	}

	private void refuseIfNeeded() throws IOException {
		if (this.unsafe || this.overlong) {
			throw new Refused();
		}
	}

	private void look(char c) {
		for (int p = 0; p < REFUSED.length; p++) {
			char[] word = REFUSED[p];
			if (Character.toUpperCase(c) == word[this.matched[p]]) {
				this.matched[p]++;
				if (this.matched[p] == word.length) {
					this.unsafe = true;
					this.matched[p] = 0;
				}
			}
			else {
				// every refused word starts with '<' and has no other '<' in it
				this.matched[p] = (c == '<') ? 1 : 0;
			}
		}
		boolean tagStarts = this.markup == Markup.OPENED;
		follow(c);
		this.stretch = (this.markup == Markup.OPENED) ? 0 : this.stretch + 1;
		if (this.stretch > MAX_STRETCH) {
			this.overlong = true;
		}
		if (!Character.isWhitespace(c)) {
			this.anyContent = true;
			this.tail[(int) (this.tailCount++ % TAIL)] = c;
		}
		noteRoot(c, tagStarts);
	}

	/**
	 * Moves {@link #markup} on by one character. Each kind of markup ends only at its own
	 * end, so a comment is counted whole whatever it holds.
	 */
	private void follow(char c) {
		switch (this.markup) {
			case TEXT -> {
				if (c == '<') {
					this.markup = Markup.OPENED;
				}
			}
			case OPENED -> startAfterOpening(c);
			case BANG -> {
				if (c == '-') {
					this.markup = Markup.COMMENT_START;
				}
				else if (c == '[') {
					this.markup = Markup.CDATA_START;
					this.progress = 0;
				}
				else {
					// a declaration (refused anyway) is a tag for its length
					tag(c);
				}
			}
			case COMMENT_START -> {
				if (c == '-') {
					this.markup = Markup.COMMENT;
					this.progress = 0;
				}
				else {
					tag(c);
				}
			}
			case CDATA_START -> {
				if (c != CDATA_WORD[this.progress]) {
					tag(c);
				}
				else if (++this.progress == CDATA_WORD.length) {
					this.markup = Markup.CDATA;
					this.progress = 0;
				}
			}
			case TAG -> tag(c);
			case COMMENT -> endsAfter(c, '-', 2);
			case CDATA -> endsAfter(c, ']', 2);
			case INSTRUCTION -> endsAfter(c, '?', 1);
		}
	}

	private void startAfterOpening(char c) {
		if (c == '!') {
			this.markup = Markup.BANG;
		}
		else if (c == '?') {
			this.markup = Markup.INSTRUCTION;
			this.progress = 0;
		}
		else {
			this.markup = Markup.TAG;
			this.quote = 0;
			tag(c);
		}
	}

	/** A character in a tag: it ends at a {@code >} outside an attribute's quotes. */
	private void tag(char c) {
		this.markup = Markup.TAG;
		if (this.quote != 0) {
			if (c == this.quote) {
				this.quote = 0;
			}
		}
		else if (c == '"' || c == '\'') {
			this.quote = c;
		}
		else if (c == '>') {
			this.markup = Markup.TEXT;
		}
	}

	/**
	 * A character in markup that ends with {@code >} after at least {@code needed} of
	 * {@code closing}: {@code -->}, {@code ]]>}, {@code ?>}.
	 */
	private void endsAfter(char c, char closing, int needed) {
		if (c == '>' && this.progress >= needed) {
			this.markup = Markup.TEXT;
		}
		this.progress = (c == closing) ? this.progress + 1 : 0;
	}

	/**
	 * The first element's name: the first tag that starts with a letter or '_' (not one
	 * quoted in a comment).
	 */
	private void noteRoot(char c, boolean tagStarts) {
		if (this.rootName == RootName.BEFORE && tagStarts && (Character.isLetter(c) || c == '_')) {
			this.rootName = RootName.READING;
		}
		if (this.rootName == RootName.READING) {
			if (Character.isWhitespace(c) || c == '>' || c == '/' || this.root.length() > 100) {
				this.rootName = RootName.READ;
			}
			else {
				this.root.append(c);
			}
		}
	}

	/** Whether the file held nothing but white space, once it was read to its end. */
	private boolean empty() {
		return this.ended && !this.anyContent;
	}

	/** The local name of the first element, {@code ""} where there was none. */
	private String rootLocalName() {
		String name = this.root.toString();
		return name.substring(name.indexOf(':') + 1);
	}

	/**
	 * Whether the file was read to its end without its root element closing: it was cut
	 * short, the usual reason a download or copy fails. A file closed by its root (with
	 * or without a namespace prefix) that still failed is damaged instead.
	 */
	private boolean endedEarly() {
		String name = rootLocalName();
		if (!this.ended || name.isEmpty()) {
			return false;
		}
		String end = end();
		return !(end.endsWith(":" + name + ">") || end.endsWith("/" + name + ">"));
	}

	private String end() {
		StringBuilder end = new StringBuilder(TAIL);
		for (long i = Math.max(0, this.tailCount - TAIL); i < this.tailCount; i++) {
			end.append(this.tail[(int) (i % TAIL)]);
		}
		return end.toString();
	}

	/**
	 * The reason the runner is given for a file whose parse failed: for these, the screen
	 * knows more than the parser's exception, which may wrap or lose its cause. The
	 * parser's exception is not kept as the cause: its message quotes the file (a value,
	 * a name, a point), and nothing of a file may reach a log.
	 * @param expectedRoot the local name of the root element of the format
	 */
	UnreadableFileException failure(String expectedRoot) {
		if (this.unsafe) {
			return new UnreadableFileException("unsafeXml");
		}
		if (this.overlong) {
			return new UnreadableFileException("damaged");
		}
		if (empty()) {
			return new UnreadableFileException("empty");
		}
		String name = rootLocalName();
		if (!name.isEmpty() && !name.equals(expectedRoot)) {
			return new UnreadableFileException("otherXml");
		}
		return new UnreadableFileException(endedEarly() ? "truncated" : "damaged");
	}

	/**
	 * A parser of these characters: the JDK's own whatever else is on the class path, set
	 * to read no DTD and nothing outside the file. The screen refuses declarations before
	 * it sees them; these settings hold should the screen ever miss one.
	 */
	XMLStreamReader parser() throws XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		return factory.createXMLStreamReader(this);
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	/**
	 * Thrown into the parser to stop it; the parser may wrap it or keep only its message,
	 * so the reader asks {@link #failure(String)}.
	 */
	private static final class Refused extends IOException {

		Refused() {
			super("refused by the screen", null);
		}

	}

}
