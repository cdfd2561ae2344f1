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
import java.util.regex.Matcher;
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
 * The runner's text says things in our own words and in plain English.
 *
 * <p>
 * The product was created from one article ("Can running cause sciatica?"). We cite it,
 * we never paste it: no text the app ships may share a run of {@value #COPIED_RUN}
 * consecutive words with it. And runners read at age 9 to 11 (UK reading age, about US
 * grade 4 to 6), so the runner's messages are graded with the Flesch–Kincaid formula and
 * no sentence may run on.
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

	/**
	 * Highest Flesch–Kincaid grade for one message. Reading age 9 to 11 is about US grade
	 * 4 to 6; one message may go a little above that because medical words (sciatic,
	 * physiotherapist, osteoporosis) cannot always be avoided.
	 */
	static final double MESSAGE_GRADE = 9.0;

	/** Highest Flesch–Kincaid grade for all the runner's prose read together. */
	static final double OVERALL_GRADE = 7.0;

	/** Messages shorter than this are labels: a grade computed on them is noise. */
	static final int GRADED_WORDS = 12;

	/** Longest sentence a runner should have to hold in their head, in words. */
	static final int SENTENCE_WORDS = 25;

	/**
	 * Message key prefixes that runners never read, left out of the reading-age checks
	 * only (the no-copy check reads every key). Physiotherapists read their own pages,
	 * developers read the API's problems, clinical systems read the export.
	 */
	private static final List<String> NOT_FOR_RUNNERS = List.of(
			// API problem details (application/problem+json), read by developers
			"problem.",
			// the physio's pages: new link form, dashboard, one submission, delete
			"clinic.", "link.clinicName.", "link.message.", "link.days.", "dashboard.", "submission.", "confirmDelete.",
			"tier.",
			// answer names on the physio's views and the CSV export
			"answerField.",
			// the FHIR export, read by clinical systems
			"fhir.");

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

	@Test
	void eachRunnerMessageReadsAtAge9To11() throws IOException {
		record Graded(String key, String text, Reading reading) {

			@Override
			public String toString() {
				return String.format(Locale.ROOT, "%s: grade %.1f (%s) \"%s\"", this.key, this.reading.grade(),
						this.reading, this.text);
			}

		}
		List<Graded> hard = runnerMessages().entrySet()
			.stream()
			.map((entry) -> new Graded(entry.getKey(), entry.getValue(), Reading.of(entry.getValue())))
			.filter((graded) -> graded.reading().words() >= GRADED_WORDS && graded.reading().grade() > MESSAGE_GRADE)
			.sorted(Comparator.comparingDouble((Graded graded) -> graded.reading().grade()).reversed())
			.toList();
		assertThat(hard)
			.as("runner messages above Flesch-Kincaid grade %.1f, hardest first; use shorter words and sentences",
					MESSAGE_GRADE)
			.isEmpty();
	}

	@Test
	void runnerTextAsAWholeReadsAtAge9To11() throws IOException {
		Reading all = Reading.of(List.of());
		for (String text : runnerMessages().values()) {
			Reading reading = Reading.of(text);
			if (reading.words() >= GRADED_WORDS) {
				all = all.plus(reading);
			}
		}
		assertThat(all.grade())
			.as("Flesch-Kincaid grade of all runner prose (%s); the hardest messages are listed by %s", all,
					"eachRunnerMessageReadsAtAge9To11")
			.isLessThanOrEqualTo(OVERALL_GRADE);
	}

	@Test
	void noRunnerSentenceIsTooLong() throws IOException {
		List<String> tooLong = new ArrayList<>();
		runnerMessages().forEach((key, text) -> {
			for (String sentence : sentences(withoutBrackets(text))) {
				int words = words(sentence).size();
				if (words > SENTENCE_WORDS) {
					tooLong.add(String.format(Locale.ROOT, "%s: %d words \"%s\"", key, words, sentence));
				}
			}
		});
		assertThat(tooLong).as("runner sentences over %d words; split them", SENTENCE_WORDS).isEmpty();
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

	@Test
	void theCheckerFindsHardTextAndALongSentence() {
		Reading easy = Reading.of("Run a bit less this week. If your back hurts, rest and see a physio.");
		assertThat(easy.grade()).isLessThan(4);
		Reading hard = Reading.of("Individuals with pre-existing degenerative conditions might be considerably "
				+ "more susceptible to neurological irritation during prolonged physical activity.");
		assertThat(hard.words()).isGreaterThanOrEqualTo(GRADED_WORDS);
		assertThat(hard.grade()).isGreaterThan(MESSAGE_GRADE);
		String runOn = "If you run a lot and your back hurts and the pain goes down your leg and it does not "
				+ "get better when you rest then you should go and see someone about it soon.";
		assertThat(sentences(runOn)).singleElement()
			.satisfies((sentence) -> assertThat(words(sentence)).hasSizeGreaterThan(SENTENCE_WORDS));
		// medical names in brackets after the plain word are not counted
		assertThat(Reading.of("Thin, weak bones (osteoporosis).")).isEqualTo(Reading.of("Thin, weak bones."));
		// a number with a point does not end a sentence
		assertThat(sentences("Enter a number, like 12.5 or 3. Then go on.")).hasSize(2);
	}

	@Test
	void syllablesAreCountedCloseEnough() {
		assertThat(Stream.of("run", "the", "back", "sore", "leg", "shoes", "page", "eased")
			.map(PlainWordsTests::syllables)).containsOnly(1);
		assertThat(Stream
			.of("running", "table", "people", "severe", "started", "weakness", "become", "special", "question")
			.map(PlainWordsTests::syllables)).containsOnly(2);
		assertThat(Stream.of("sciatic", "history", "exercise", "every", "injuries", "previous")
			.map(PlainWordsTests::syllables)).containsOnly(3);
		assertThat(Stream.of("sciatica", "diagnosis").map(PlainWordsTests::syllables)).containsOnly(4);
		assertThat(syllables("physiotherapist")).isEqualTo(6);
		assertThat(syllables("risk-factor")).isEqualTo(3);
		assertThat(syllables("30")).isEqualTo(2);
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

	// --- Readability ---

	/**
	 * How hard a text is to read, by the Flesch–Kincaid grade level:
	 *
	 * <pre>
	 * grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
	 * </pre>
	 *
	 * A US school grade: grade 4 to 6 is UK reading age 9 to 11. Text in brackets (the
	 * medical name after the plain word) is left out before counting; syllables are
	 * counted by {@link #syllables(String)}, an approximation good to about one syllable
	 * a word.
	 */
	record Reading(int sentences, int words, int syllables) {

		static Reading of(String text) {
			return of(PlainWordsTests.sentences(withoutBrackets(text)));
		}

		static Reading of(List<String> sentences) {
			Reading reading = new Reading(0, 0, 0);
			for (String sentence : sentences) {
				List<String> words = PlainWordsTests.words(sentence);
				if (!words.isEmpty()) {
					reading = reading
						.plus(new Reading(1, words.size(), words.stream().mapToInt(PlainWordsTests::syllables).sum()));
				}
			}
			return reading;
		}

		Reading plus(Reading other) {
			return new Reading(this.sentences + other.sentences, this.words + other.words,
					this.syllables + other.syllables);
		}

		double grade() {
			if (this.words == 0) {
				return 0;
			}
			return 0.39 * this.words / this.sentences + 11.8 * this.syllables / this.words - 15.59;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%d words in %d sentence(s), %.2f syllables a word", this.words,
					this.sentences, (double) this.syllables / this.words);
		}

	}

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

	/** Sentences end at ".", "!" or "?" before a space; a message ends its last one. */
	static List<String> sentences(String text) {
		return Stream.of(SENTENCE_END.split(text.strip())).filter((sentence) -> !words(sentence).isEmpty()).toList();
	}

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-.,][\\p{L}\\p{N}]+)*");

	/** Words as read: "risk-factor", "runner's" and "12.5" are one word each. */
	static List<String> words(String sentence) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(sentence);
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}

	private static final Pattern VOWELS = Pattern.compile("[aeiouy]{1,2}");

	private static final Pattern TWO_VOWELS = Pattern.compile("i[ao](?![lnu])");

	/**
	 * Syllables in a word, by the usual rule of thumb: count groups of vowels, after
	 * dropping a silent final "e", "es" or "ed" ("sore", "shoes", "eased"; but "table",
	 * "started" keep theirs), and "ia" and "io" count two. Parts of a hyphenated word add
	 * up. A number counts one syllable a digit, at most three ("7", "30", "100").
	 */
	static int syllables(String word) {
		if (word.contains("-")) {
			return Stream.of(word.split("-"))
				.filter((part) -> !part.isEmpty())
				.mapToInt(PlainWordsTests::syllables)
				.sum();
		}
		String letters = word.toLowerCase(Locale.ROOT).replaceAll("'s$", "").replaceAll("[^a-z]", "");
		if (letters.isEmpty()) {
			return Math.max(1, Math.min(3, (int) word.chars().filter(Character::isDigit).count()));
		}
		if (letters.length() <= 3) {
			return 1;
		}
		letters = letters.replaceAll("(?:[^laeiouy]es|[^laeiouydt]ed|[^laeiouy]e)$", "").replaceAll("^y", "");
		int count = (int) VOWELS.matcher(letters).results().count();
		// "ia" and "io" are two syllables ("sciatic", "physio"), except in "-ial",
		// "-ian", "-ion" and "-ious" ("special", "question", "previous")
		count += (int) TWO_VOWELS.matcher(letters).results().count();
		return Math.max(1, count);
	}

	private static String withoutBrackets(String text) {
		return text.replaceAll("\\s*\\([^()]*\\)", "");
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

	/** The messages runners read, as plain text. */
	private static Map<String, String> runnerMessages() throws IOException {
		Map<String, String> runner = new TreeMap<>();
		messages().forEach((key, text) -> {
			if (NOT_FOR_RUNNERS.stream().noneMatch(key::startsWith)) {
				runner.put(key, plain(text));
			}
		});
		return runner;
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
