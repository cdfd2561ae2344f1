package com.sciaticacheck.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The screen refuses any one comment, CDATA section, processing instruction, tag or text
 * longer than {@link XmlScreen#MAX_STRETCH}, whatever {@code <} it holds, before the
 * parser has more than that of it; markup that ends in time passes, however much of it
 * there is. Files of megabytes are made as they are read. No Spring context.
 */
class XmlScreenTests {

	private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\"><trk>";

	private static final String TAIL = "</trk></gpx>";

	private static final long THREE_MIB = 3L * 1024 * 1024;

	private static final int BUFFER = 8192;

	/**
	 * Each body holds a '<' every few characters, and what would end the other kinds of
	 * markup but not its own.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "<!--      | x<y-> ?> ]]> <!-- | -->",
			"<![CDATA[ | x<y--> ?> ]> <![CDATA[ | ]]>", "<?note    | x<y--> ]]> ? > <? | ?>" })
	void aLongCommentCdataOrInstructionIsRefusedWhateverItHolds(String open, String body, String close) {
		XmlScreen screen = new XmlScreen(RepeatedXml.ofAtLeast(THREE_MIB, HEAD + open, body, close + TAIL));

		long given = readUntilRefused(screen, BUFFER);

		assertThat(given).as("characters given to the parser").isLessThan(XmlScreen.MAX_STRETCH + 2L * BUFFER);
		assertThat(screen.failure("gpx").reasonKey()).isEqualTo("training.unreadable.damaged");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "<!--      | x<y-> | -->", "<![CDATA[ | x<y] | ]]>", "<?note    | x<y? | ?>" })
	void markupSplitAcrossReadsIsFollowed(String open, String body, String close) {
		// one, two or three characters at a time, so each marker is cut somewhere
		XmlScreen screen = new XmlScreen(RepeatedXml.ofAtLeast(THREE_MIB, HEAD + open, body, close + TAIL));

		long given = readUntilRefused(screen, 3);

		assertThat(given).as("characters given to the parser").isLessThan(XmlScreen.MAX_STRETCH + 2L * BUFFER);
	}

	@Test
	void aTagLongerThanTheLimitIsRefusedWhateverItsValuesHold() {
		XmlScreen screen = new XmlScreen(
				RepeatedXml.ofAtLeast(THREE_MIB, HEAD + "<trkpt ", "a=\"x>y\" b='\"<' ", "/>" + TAIL));

		long given = readUntilRefused(screen, BUFFER);

		assertThat(given).as("characters given to the parser").isLessThan(XmlScreen.MAX_STRETCH + 2L * BUFFER);
	}

	@Test
	void muchShortMarkupPasses() throws Exception {
		// 3 MiB of comments, CDATA, instructions and tags, none of them long: a file a
		// parser reads in the memory of one of them
		String piece = "<!-- a<b -> ]]> ?> --><name><![CDATA[x<y ]> -->]]></name><?pi a<b --> ]]>?>"
				+ "<desc a=\"x>y\" b='>'>text &amp; more</desc>\n";
		XmlScreen screen = new XmlScreen(RepeatedXml.ofAtLeast(THREE_MIB, HEAD, piece, TAIL));

		XMLStreamReader xml = screen.parser();
		int elements = 0;
		while (xml.hasNext()) {
			if (xml.next() == XMLStreamReader.START_ELEMENT) {
				elements++;
			}
		}

		assertThat(elements).isGreaterThan(40_000);
	}

	@Test
	void aTagInACommentBeforeTheRootIsNotTheRoot() {
		String cut = "<?xml version=\"1.0\"?><!-- made from <kml> by a tool --><gpx version=\"1.1\"><trk><trkseg>";
		XmlScreen screen = new XmlScreen(new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)));

		readUntilRefusedOrEnd(screen);

		assertThat(screen.failure("gpx").reasonKey()).isEqualTo("training.unreadable.truncated");
	}

	@Test
	void theJdkParserHoldsACommentWhole() throws Exception {
		// why the screen counts a comment whole: the parser gives it as one text, '<'
		// and all, however long it is
		String body = "x<y ".repeat(100_000);
		XMLStreamReader xml = XMLInputFactory.newDefaultFactory()
			.createXMLStreamReader(new StringReader("<gpx><!--" + body + "--></gpx>"));
		xml.next();

		assertThat(xml.next()).isEqualTo(XMLStreamReader.COMMENT);
		assertThat(xml.getTextLength()).isEqualTo(body.length());
	}

	/** Reads through the screen, quickly, to its refusal; the characters it gave. */
	private static long readUntilRefused(XmlScreen screen, int buffer) {
		long[] given = { 0 };
		IOException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> catchThrowableOfType(IOException.class, () -> {
					char[] chars = new char[buffer];
					for (int read; (read = screen.read(chars, 0, chars.length)) >= 0;) {
						given[0] += read;
					}
				}));
		assertThat(refused).as("the screen refused the file, having given " + given[0] + " characters").isNotNull();
		return given[0];
	}

	private static void readUntilRefusedOrEnd(XmlScreen screen) {
		catchThrowableOfType(IOException.class, () -> {
			char[] chars = new char[BUFFER];
			while (screen.read(chars, 0, chars.length) >= 0) {
				// read to the end
			}
		});
	}

}
