package com.sciaticacheck.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message that takes arguments, rendered as the app renders it with one distinct
 * value per argument: each value must appear exactly once, and every call site in
 * templates and code must pass as many arguments as the message takes. A message that
 * said "deleted on {0}, or sooner if you or {0} delete it" read "or sooner if you or 26
 * December 2026 delete it".
 */
class MessageArgumentsTests {

	/**
	 * Messages that say the same thing twice on purpose, with why. Anything else that
	 * repeats an argument is taken to mean two things by one number.
	 */
	static final Map<String, String> SAME_ARGUMENT_TWICE = Map.of("share.notSeenToday",
			"the clinic's name both times: it may not see the answers, so do not wait for it");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)(?:\\s*,\\s*(\\w+))?");

	private static final Pattern TEMPLATE_CALL = Pattern.compile("#\\{([A-Za-z0-9.-]+)(\\(|})");

	private static final Pattern JAVA_CALL = Pattern
		.compile("getMessage\\(\"([A-Za-z0-9.-]+)\",\\s*(null|new Object\\[\\]\\s*\\{)");

	/** Realistic and distinct, so each can be found in what a message renders. */
	private static final List<String> TEXTS = List.of("Riverside Physio", "26 December 2026", "Hilltop Sports Clinic",
			"Mara Quinn");

	/** A number for choices and number formats: 3 takes the plural branches. */
	private static final int NUMBER = 3;

	private final Properties messages = load();

	private final MessageSource source = new MessagesConfiguration().messageSource();

	@Test
	void everyMessageRendersEachArgumentOnceAndHasNoGaps() {
		List<String> problems = new ArrayList<>();
		for (String key : new TreeSet<>(this.messages.stringPropertyNames())) {
			problems.addAll(problems(key, this.messages.getProperty(key)));
		}
		assertThat(problems).isEmpty();
	}

	/** The check itself finds what it is for, on messages planted here. */
	@Test
	void findsARepeatedAMissingAndAGappedArgument() {
		assertThat(problems("planted.repeated", "It is deleted on {0}, or sooner if you or {0} delete it."))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("planted.repeated", "2 times");
		assertThat(problems("planted.gap", "They are kept until {1} at the latest."))
			.anySatisfy((problem) -> assertThat(problem).contains("planted.gap", "never uses {0}"));
		assertThat(problems("planted.apostrophe", "The clinic's copy is kept until {0}."))
			.anySatisfy((problem) -> assertThat(problem).contains("apostrophe"));
		assertThat(problems("planted.fine", "{0}: {1,choice,0#0 points|1#1 point|1<{1} points}")).isEmpty();
	}

	@Test
	void templatesPassEveryMessageTheArgumentsItTakes() throws IOException {
		List<String> problems = new ArrayList<>();
		Set<String> calls = new TreeSet<>();
		for (Path file : files(Path.of("src/main/resources/templates"))) {
			String text = Files.readString(file);
			Matcher call = TEMPLATE_CALL.matcher(text);
			while (call.find()) {
				String key = call.group(1);
				int passed = call.group(2).equals("(") ? countArguments(text, call.end(), ')') : 0;
				calls.add(key);
				checkCall(file.getFileName() + ": #{" + key + "}", key, passed, problems);
			}
		}
		assertThat(calls).contains("consent.howLong", "consent.hint", "clinic.dashboard.title");
		assertThat(problems).isEmpty();
	}

	@Test
	void codePassesEveryMessageTheArgumentsItTakes() throws IOException {
		List<String> problems = new ArrayList<>();
		Set<String> calls = new TreeSet<>();
		for (Path file : files(Path.of("src/main/java"))) {
			String text = Files.readString(file);
			Matcher call = JAVA_CALL.matcher(text);
			while (call.find()) {
				String key = call.group(1);
				int passed = call.group(2).equals("null") ? 0 : countArguments(text, call.end(), '}');
				calls.add(key);
				checkCall(file.getFileName() + ": " + key, key, passed, problems);
			}
		}
		assertThat(calls).contains("problem.gone.detail", "problem.field.oneOf");
		assertThat(problems).isEmpty();
	}

	private void checkCall(String where, String key, int passed, List<String> problems) {
		String pattern = this.messages.getProperty(key);
		if (pattern == null) {
			return; // MessageKeysTests reports missing keys
		}
		int takes = arity(pattern);
		if (passed != takes) {
			problems.add(where + " passes " + passed + " arguments, the message takes " + takes + ": " + pattern);
		}
	}

	/** What is wrong with one message's arguments, each problem naming the key. */
	List<String> problems(String key, String pattern) {
		int arity = arity(pattern);
		if (arity == 0) {
			return List.of();
		}
		List<String> problems = new ArrayList<>();
		if (pattern.replace("''", "").contains("'")) {
			problems.add(key + ": a single apostrophe in a message with arguments hides text; write ''");
		}
		Set<Integer> numbers = new TreeSet<>();
		Set<Integer> used = new TreeSet<>();
		Matcher argument = ARGUMENT.matcher(pattern);
		while (argument.find()) {
			int index = Integer.parseInt(argument.group(1));
			used.add(index);
			if (argument.group(2) != null) {
				numbers.add(index);
			}
		}
		Object[] args = new Object[arity];
		int text = 0;
		for (int i = 0; i < arity; i++) {
			if (!used.contains(i)) {
				problems.add(key + " never uses {" + i + "} but uses {" + (arity - 1) + "}: " + pattern);
			}
			args[i] = numbers.contains(i) ? (Object) NUMBER : TEXTS.get(text++);
		}
		String rendered;
		try {
			rendered = this.source.getMessage(key, args, Locale.ENGLISH);
		}
		catch (RuntimeException ex) {
			// planted messages are not in the app's source: render them the same way
			try {
				rendered = new java.text.MessageFormat(pattern, Locale.ENGLISH).format(args);
			}
			catch (RuntimeException again) {
				problems.add(key + " does not render: " + again.getMessage());
				return problems;
			}
		}
		for (int i = 0; i < arity; i++) {
			if (numbers.contains(i) || !used.contains(i)) {
				continue;
			}
			int times = occurrences(rendered, (String) args[i]);
			if (times != 1 && !(times > 1 && SAME_ARGUMENT_TWICE.containsKey(key))) {
				problems.add(key + " shows {" + i + "} " + times + " times: " + rendered);
			}
		}
		return problems;
	}

	/** How many arguments a message takes: one more than its highest index. */
	static int arity(String pattern) {
		int highest = -1;
		Matcher argument = ARGUMENT.matcher(pattern);
		while (argument.find()) {
			highest = Math.max(highest, Integer.parseInt(argument.group(1)));
		}
		return highest + 1;
	}

	/**
	 * The arguments of a call from just after its opening bracket to the closing one:
	 * commas at the top level, outside quotes and nested brackets.
	 */
	static int countArguments(String text, int from, char close) {
		int depth = 0;
		int commas = 0;
		boolean any = false;
		Character quote = null;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != null) {
				if (c == quote) {
					quote = null;
				}
				continue;
			}
			if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (depth == 0 && c == close) {
				return any ? commas + 1 : 0;
			}
			else if (c == '(' || c == '{' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == '}' || c == ']') {
				depth--;
			}
			else if (depth == 0 && c == ',') {
				commas++;
			}
			if (!Character.isWhitespace(c)) {
				any = true;
			}
		}
		throw new IllegalStateException("no closing " + close + " after " + text.substring(from));
	}

	private static int occurrences(String text, String value) {
		int times = 0;
		for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length())) {
			times++;
		}
		return times;
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(
				MessageArgumentsTests.class.getResourceAsStream("/messages.properties"), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
