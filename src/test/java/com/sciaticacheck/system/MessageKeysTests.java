package com.sciaticacheck.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sciaticacheck.rules.AnswerConsistency;
import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Evidence;
import com.sciaticacheck.rules.Factor;
import com.sciaticacheck.rules.Footwear;
import com.sciaticacheck.rules.FormConcern;
import com.sciaticacheck.rules.Measure;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;
import com.sciaticacheck.rules.Rule;
import com.sciaticacheck.rules.RuleTable;
import com.sciaticacheck.rules.ShippedRuleTable;
import com.sciaticacheck.rules.SideDifference;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.rules.Symptom;
import com.sciaticacheck.rules.WarningSign;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key the app can ask for exists: the static keys in templates and code,
 * and the keys built from enums, rules and fields. A missing key would show the raw key
 * (or fail the page) instead of text.
 */
class MessageKeysTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9.-]+)[}(]");

	private static final Pattern CODE_KEY = Pattern.compile(
			"\"\\{?((?:question|answers|safety|problem|referral\\.reason|error)\\.[A-Za-z0-9.-]*[A-Za-z0-9])\\}?\"");

	private final Properties messages = load();

	@Test
	void everyStaticKeyInTemplatesExists() throws IOException {
		assertAllExist(keysIn(Path.of("src/main/resources/templates"), TEMPLATE_KEY));
	}

	@Test
	void everyKeyInJavaCodeExists() throws IOException {
		Set<String> keys = keysIn(Path.of("src/main/java"), CODE_KEY);
		// prefixes that code completes, such as "error.other" + ".title", are checked
		// where they are completed
		keys.removeIf((key) -> key.endsWith(".") || isPrefix(key));
		assertThat(keys).contains("question.ageYears.required", "problem.invalidAnswers.title");
		assertAllExist(keys);
	}

	@Test
	void everyRuleExplanationAndAdviceExists() {
		RuleTable table = ShippedRuleTable.table();
		Set<String> keys = new TreeSet<>();
		table.rules().forEach((rule) -> {
			keys.add(rule.explanationKey());
			keys.add(rule.adviceKey());
			keys.add("scoring.measure." + rule.measure().tableName());
		});
		table.generalAdvice().forEach((advice) -> keys.add(advice.adviceKey()));
		assertAllExist(keys);
		assertThat(table.rules()).extracting(Rule::explanationKey).doesNotHaveDuplicates();
	}

	@Test
	void everyAnswerOptionHasALabel() {
		Set<String> keys = new TreeSet<>();
		addEnumKeys(keys, "answer.Surface.", Surface.values());
		addEnumKeys(keys, "answer.Footwear.", Footwear.values());
		addEnumKeys(keys, "answer.SideDifference.", SideDifference.values());
		addEnumKeys(keys, "answer.FormConcern.", FormConcern.values());
		addEnumKeys(keys, "answer.Condition.", Condition.values());
		addEnumKeys(keys, "answer.Pain.", Pain.values());
		addEnumKeys(keys, "answer.Symptom.", Symptom.values());
		addEnumKeys(keys, "answer.WarningSign.", WarningSign.values());
		addEnumKeys(keys, "referral.reason.", WarningSign.values());
		addEnumKeys(keys, "referral.reason.", Symptom.GETTING_WORSE, Symptom.STOPS_NORMAL_ACTIVITIES,
				Symptom.NUMBNESS_OR_TINGLING, Symptom.LEG_WEAKNESS);
		keys.addAll(List.of("referral.reason.BOTH_LEGS", "referral.reason.PERSISTENT_PAIN",
				"referral.reason.SEVERE_PAIN", "referral.reason.KNOWN_CONDITION", "answer.unit.KM", "answer.unit.MILES",
				"answer.yesNo.true", "answer.yesNo.false"));
		addEnumKeys(keys, "factor.", Factor.values());
		addEnumKeys(keys, "evidence.", Evidence.values());
		Arrays.stream(Evidence.values()).forEach((grade) -> keys.add("evidence." + grade + ".meaning"));
		addEnumKeys(keys, "result.level.", RiskLevel.values());
		addEnumKeys(keys, "scoring.referral.", Referral.values());
		Arrays.stream(Referral.values()).forEach((tier) -> {
			keys.add("result.referral." + tier + ".title");
			keys.add("result.referral." + tier + ".action");
		});
		Arrays.stream(Measure.values()).forEach((measure) -> keys.add("scoring.measure." + measure.tableName()));
		assertAllExist(keys);
	}

	@Test
	void everyQuestionHasALabelAndAHint() {
		Set<String> keys = new TreeSet<>();
		for (String field : List.of("unit", "ageYears", "heightCm", "weightKg", "smoker", "weeklyDistance",
				"baselineWeeklyDistance", "longestRun", "baselineLongestRun", "unevenSurfaces", "footwear",
				"strengthSessionsPerWeek", "sideToSideDifference", "formConcerns", "conditions", "pain", "painWeeks",
				"painSeverity", "symptoms", "urgentSigns")) {
			keys.add("question." + field + ".label");
			keys.add("question." + field + ".hint");
		}
		for (String field : List.of("saddleNumbness", "bladderChange", "bowelChange", "sexualDysfunction",
				"painInBothLegs", "legWeakness", "feverOrUnwell")) {
			keys.add("safety." + field + ".label");
			keys.add("safety." + field + ".hint");
		}
		for (String field : List.of("weeklyDistance", "baselineWeeklyDistance", "longestRun", "baselineLongestRun")) {
			keys.add("question." + field + ".max.KM");
			keys.add("question." + field + ".max.MILES");
		}
		for (String type : List.of("wholeNumber", "number", "boolean", "list", "text", "value")) {
			keys.add("problem.field.expected." + type);
		}
		for (String status : List.of("400", "404", "405", "413", "415", "other")) {
			keys.add("error." + status + ".title");
			keys.add("error." + status + ".text");
		}
		assertAllExist(keys);
	}

	@Test
	void everyContradictionHasAMessage() {
		Set<String> keys = new TreeSet<>();
		Stream
			.of(AnswerConsistency.check(180, null, 0, 5, 10, 0, Pain.ONE_LEG, null, null),
					AnswerConsistency.check(null, 70, 10, 0, 0, 5, Pain.NONE, null, null),
					AnswerConsistency.check(null, null, 10, 20, 10, 5, Pain.NONE, null, null))
			.flatMap(List::stream)
			.forEach((problem) -> keys.add(problem.messageKey()));
		assertThat(keys).hasSize(8);
		assertAllExist(keys);
	}

	private void assertAllExist(Set<String> keys) {
		assertThat(keys).isNotEmpty();
		assertThat(keys.stream().filter((key) -> !this.messages.containsKey(key))).as("missing message keys").isEmpty();
	}

	private boolean isPrefix(String key) {
		return !this.messages.containsKey(key)
				&& this.messages.stringPropertyNames().stream().anyMatch((known) -> known.startsWith(key + "."));
	}

	private static void addEnumKeys(Set<String> keys, String prefix, Enum<?>... values) {
		Arrays.stream(values).forEach((value) -> keys.add(prefix + value.name()));
	}

	private static Set<String> keysIn(Path root, Pattern pattern) throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					keys.add(matcher.group(1));
				}
			}
		}
		return keys;
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(MessageKeysTests.class.getResourceAsStream("/messages.properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
