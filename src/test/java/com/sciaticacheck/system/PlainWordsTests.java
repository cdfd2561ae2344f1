package com.sciaticacheck.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's text says things in our own words.
 *
 * <p>
 * The product was created from one article ("Can running cause sciatica?"). We cite it,
 * we never paste it: no text the app ships may share a run of {@value #COPIED_RUN}
 * consecutive words with it.
 *
 * <p>
 * Plain unit test: reads the files, no Spring context.
 */
class PlainWordsTests {

	/**
	 * The article the product was created from. It lives next to the project, not in it
	 * ({@code /work/shared/source} here, {@code ../shared/source} in CI); Maven runs
	 * tests from the project root.
	 */
	private static final Path SOURCE = Path.of("..", "shared", "source", "can-running-cause-sciatica.txt");

	private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");

	private static final Path RULE_TABLE = Path.of("src/main/resources/rules/risk-rules.md");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * A run of this many consecutive words shared with the article (articles aside, see
	 * {@link Words}) is a copied clause. The phrases anyone writing on the subject uses
	 * are shorter: "from the lower back", "degenerative disc disease", "running form and
	 * technique" (3 or 4 words). At 7 a clause lifted whole ("running itself does not
	 * directly cause sciatica") fails, and the rule table's short quotes naming what the
	 * article says ("muscle imbalances in hips, pelvis or core", 6) pass.
	 */
	static final int COPIED_RUN = 7;

	// --- The checks ---

	@Test
	void noMessageCopiesTheSource() throws IOException {
		List<String> copies = new ArrayList<>();
		messages().forEach((key, text) -> copies.addAll(copies("messages.properties " + key, plain(text))));
		assertThat(copies).as("messages that copy the source article; say it in our own words").isEmpty();
	}

	@Test
	void theRuleTableDoesNotCopyTheSource() throws IOException {
		List<String> copies = new ArrayList<>();
		ruleTableBlocks(Files.readString(RULE_TABLE, StandardCharsets.UTF_8))
			.forEach((where, text) -> copies.addAll(copies("risk-rules.md " + where, text)));
		assertThat(copies).as("rule table text that copies the source article; say it in our own words").isEmpty();
	}

	@Test
	void noTemplateCopiesTheSource() throws IOException {
		List<String> copies = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).sorted().toList()) {
				String where = TEMPLATES.relativize(file).toString();
				for (String text : templateTexts(Files.readString(file, StandardCharsets.UTF_8))) {
					copies.addAll(copies(where, text));
				}
			}
		}
		assertThat(copies).as("template text that copies the source article; say it in our own words").isEmpty();
	}

	// --- The checker itself ---

	@Test
	void theCheckerFindsAPlantedCopy() {
		String planted = "Good news: running with improper form or muscular imbalances in the hips is fine.";
		assertThat(copies("planted", planted)).singleElement()
			.asString()
			.contains("planted", "9 words", "running with improper form or muscular imbalances in the hips");
		// a contraction or a curly apostrophe does not hide a copy
		assertThat(copies("planted", "Running itself does not directly cause sciatica, we think.")).singleElement()
			.asString()
			.contains("running itself does not directly cause sciatica");
		// nor do articles put in or left out
		assertThat(copies("planted", "Weak hips put stress on the lower back and the sciatic nerve when you run."))
			.singleElement()
			.asString()
			.contains("7 words", "stress on the lower back and the sciatic nerve");
		// the ordinary phrases of the subject are not copies
		assertThat(copies("ordinary", "Pain spreading down the leg from the lower back is common.")).isEmpty();
		assertThat(copies("ordinary", "Keep a good running form, and build up running slowly.")).isEmpty();
		// messages are compared as shown: placeholders are words, apostrophes undoubled
		assertThat(plain("{0} is no pain, {1} is the worst you can imagine. It''s fine."))
			.isEqualTo("X is no pain, X is the worst you can imagine. It's fine.");
		assertThat(plain("{0, choice, 1#1 point|1<{0} points}")).isEqualTo("X");
	}

	// --- Copies: shared runs of words with the source article ---

	/**
	 * The source article's words, read when a copy check first needs them (so the
	 * reading-age checks run even where the article is missing).
	 */
	private static final class Source {

		static final Words WORDS = read();

		private static Words read() {
			try {
				return Words.of(Files.readString(SOURCE, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new IllegalStateException("The source article is not at " + SOURCE.toAbsolutePath().normalize()
						+ ": it lives next to the project (../shared/source) and Maven runs tests from the project root",
						ex);
			}
		}

	}

	/**
	 * Every maximal run of {@link #COPIED_RUN} or more consecutive words the text shares
	 * with the source article, described for the writer who has to fix it.
	 */
	static List<String> copies(String where, String text) {
		return sharedRuns(text).stream()
			.filter((run) -> run.length() >= COPIED_RUN)
			.map((run) -> String.format(Locale.ROOT,
					"%s shares %d words (not counting a, an, the) with the source: \"%s\"", where, run.length(),
					run.words()))
			.distinct()
			.toList();
	}

	/**
	 * A run of words shared with the source: its length in compared words, and the words
	 * as the text writes them.
	 */
	record SharedRun(int length, String words) {

	}

	/** Every maximal run of one or more words the text shares with the source article. */
	private static List<SharedRun> sharedRuns(String text) {
		Words words = Words.of(text);
		List<String> source = Source.WORDS.compared();
		int n = words.compared().size();
		int m = source.size();
		// shared[i][j]: length of the common run ending at text word i - 1 and source
		// word j - 1
		int[][] shared = new int[n + 1][m + 1];
		for (int i = 1; i <= n; i++) {
			for (int j = 1; j <= m; j++) {
				if (words.compared().get(i - 1).equals(source.get(j - 1))) {
					shared[i][j] = shared[i - 1][j - 1] + 1;
				}
			}
		}
		List<SharedRun> runs = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			for (int j = 1; j <= m; j++) {
				int length = shared[i][j];
				boolean maximal = i == n || j == m || shared[i + 1][j + 1] == 0;
				if (length > 0 && maximal) {
					runs.add(new SharedRun(length, words.asWritten(i - length, i - 1)));
				}
			}
		}
		return runs;
	}

	private static final Pattern NOT_A_WORD = Pattern.compile("[^a-z0-9']+");

	private static final Set<String> ARTICLES = Set.of("a", "an", "the");

	/**
	 * A text's words for the copy check. As written: lower case, letters, digits and
	 * apostrophes only (hyphens and all other punctuation split words). As compared,
	 * three cheap disguises are undone: curly apostrophes are straight, contractions are
	 * spelled out ("doesn't" is "does not") and articles are left out ("stress on the
	 * lower back and the sciatic nerve" copies "stress on the lower back and sciatic
	 * nerve").
	 *
	 * @param written the words as written
	 * @param compared the words compared with the source
	 * @param at for each compared word, the written word it comes from
	 */
	record Words(List<String> written, List<String> compared, List<Integer> at) {

		static Words of(String text) {
			String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
			List<String> written = new ArrayList<>();
			List<String> compared = new ArrayList<>();
			List<Integer> at = new ArrayList<>();
			for (String word : NOT_A_WORD.split(lower)) {
				word = word.replaceAll("^'+|'+$", "");
				if (word.isEmpty()) {
					continue;
				}
				written.add(word);
				for (String part : spelledOut(word)) {
					if (!ARTICLES.contains(part)) {
						compared.add(part);
						at.add(written.size() - 1);
					}
				}
			}
			return new Words(written, compared, at);
		}

		private static List<String> spelledOut(String word) {
			return switch (word) {
				case "can't", "cannot" -> List.of("can", "not");
				case "won't" -> List.of("will", "not");
				case "it's" -> List.of("it", "is");
				default -> word.endsWith("n't") ? List.of(word.substring(0, word.length() - 3), "not") : List.of(word);
			};
		}

		/** The written words from compared word {@code first} to {@code last}. */
		String asWritten(int first, int last) {
			return String.join(" ", this.written.subList(this.at.get(first), this.at.get(last) + 1));
		}

	}

	// --- Reading the texts ---

	/** Every message, as a runner or physio sees it. */
	private static Map<String, String> messages() throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(MESSAGES, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		Map<String, String> messages = new TreeMap<>();
		properties.stringPropertyNames().forEach((key) -> messages.put(key, properties.getProperty(key)));
		return messages;
	}

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*\\}");

	/**
	 * A message as text. Each MessageFormat placeholder ({0}, or a choice around one)
	 * becomes the stand-in word "X": it is read as a word (a name, a date, a number), so
	 * dropping it would lengthen words on average and join the words on either side into
	 * one run. HTML tags go, and a message that takes arguments has its doubled
	 * apostrophes undoubled, as MessageFormat does.
	 */
	static String plain(String message) {
		String text = message;
		if (PLACEHOLDER.matcher(text).find()) {
			text = text.replace("''", "'");
			String before;
			do {
				before = text;
				text = PLACEHOLDER.matcher(text).replaceAll("X");
			}
			while (!text.equals(before));
		}
		return text.replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
	}

	/**
	 * The rule table's text in pieces a copy cannot span: each paragraph of prose, each
	 * table row, named by the line it starts on.
	 */
	static Map<String, String> ruleTableBlocks(String markdown) {
		Map<String, String> blocks = new TreeMap<>();
		String[] lines = markdown.split("\n", -1);
		StringBuilder paragraph = new StringBuilder();
		int start = 0;
		for (int i = 0; i <= lines.length; i++) {
			String line = (i < lines.length) ? lines[i].strip() : "";
			boolean row = line.startsWith("|");
			if ((line.isEmpty() || row) && !paragraph.isEmpty()) {
				blocks.put(String.format(Locale.ROOT, "line %03d", start), paragraph.toString());
				paragraph.setLength(0);
			}
			if (row) {
				blocks.put(String.format(Locale.ROOT, "line %03d", i + 1), line);
			}
			else if (!line.isEmpty()) {
				if (paragraph.isEmpty()) {
					start = i + 1;
				}
				paragraph.append(line).append(' ');
			}
		}
		return blocks;
	}

	/**
	 * The text a template holds itself: each element's own text and its readable
	 * attributes (alt, title, aria-label, placeholder, value). Thymeleaf attributes are
	 * expressions, not text, and the messages they name are checked as messages.
	 */
	static List<String> templateTexts(String html) {
		Document document = Jsoup.parse(html);
		List<String> texts = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			String own = element.textNodes().stream().map(TextNode::text).reduce("", (a, b) -> a + " " + b);
			if (!own.isBlank()) {
				texts.add(own.replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", " "));
			}
			for (Attribute attribute : element.attributes()) {
				if (Set.of("alt", "title", "aria-label", "placeholder", "value").contains(attribute.getKey())) {
					texts.add(attribute.getValue());
				}
			}
		}
		return texts;
	}

}
