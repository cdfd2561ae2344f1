package com.sciaticacheck.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hazard log names, for each control, the test that verifies it: every name must be a
 * test that exists, so a renamed or deleted test cannot leave a control unverified
 * without this failing.
 */
class HazardLogTests {

	private static final Path LOG = Path.of("docs/clinical-safety.md");

	private static final Pattern TEST_NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");

	@Test
	void everyTestTheHazardLogNamesExists() throws IOException {
		Map<String, String> sources = testSources();
		Set<String> named = namedTests(Files.readString(LOG));
		assertThat(named).as("tests named in " + LOG).hasSizeGreaterThan(20);
		List<String> missing = new ArrayList<>();
		for (String name : named) {
			String[] parts = name.split("#");
			String source = sources.get(parts[0]);
			if (source == null || !declaresTest(source, parts[1])) {
				missing.add(name);
			}
		}
		assertThat(missing).as("tests named in " + LOG + " that do not exist").isEmpty();
	}

	@Test
	void everyHazardHasControlsVerifiedByATest() throws IOException {
		String log = Files.readString(LOG);
		String[] hazards = log.split("\n### ");
		assertThat(hazards).as("hazards").hasSizeGreaterThan(8);
		for (String hazard : List.of(hazards).subList(1, hazards.length)) {
			String title = hazard.lines().findFirst().orElse("");
			assertThat(hazard).as(title).contains("**Causes.**", "**Controls.**", "**Risk.**");
			assertThat(TEST_NAME.matcher(hazard).find()).as(title + " names a test").isTrue();
		}
	}

	@Test
	void aNameThatIsNoTestIsCaught() {
		String source = "class X {\n\t@Test\n\tvoid realTest() {\n\t}\n\n\tprivate void helper() {\n\t}\n}\n";
		assertThat(declaresTest(source, "realTest")).isTrue();
		assertThat(declaresTest(source, "helper")).isFalse();
		assertThat(declaresTest(source, "renamedAway")).isFalse();
		assertThat(namedTests("Verified by `X#realTest`, `Y#other`.")).containsExactly("X#realTest", "Y#other");
	}

	private static Set<String> namedTests(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = TEST_NAME.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1) + "#" + matcher.group(2));
		}
		return names;
	}

	/**
	 * A test method: annotated as a test between the end of the member before it and its
	 * declaration (a parameterized test's sources may be long).
	 */
	private static boolean declaresTest(String source, String method) {
		Matcher declaration = Pattern.compile("\\n\\s*(?:public\\s+)?void " + Pattern.quote(method) + "\\(")
			.matcher(source);
		if (!declaration.find()) {
			return false;
		}
		String before = source.substring(0, declaration.start());
		String annotations = before.substring(Math.max(before.lastIndexOf("\n\t}\n"), before.lastIndexOf("{\n")));
		return annotations.contains("@Test") || annotations.contains("@ParameterizedTest");
	}

	private static Map<String, String> testSources() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.collect(Collectors.toMap((file) -> file.getFileName().toString().replace(".java", ""),
						HazardLogTests::read, (first, second) -> first + second));
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
