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

import com.sciaticacheck.account.AccessLog;
import com.sciaticacheck.rules.AnswerCheck;
import com.sciaticacheck.rules.Asking;
import com.sciaticacheck.rules.ChangeSinceLastCheck;
import com.sciaticacheck.rules.Evidence;
import com.sciaticacheck.rules.Advice;
import com.sciaticacheck.rules.Factor;
import com.sciaticacheck.rules.Group;
import com.sciaticacheck.rules.Measure;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;
import com.sciaticacheck.rules.Rule;
import com.sciaticacheck.rules.RuleTable;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.rules.ShippedRuleTable;
import com.sciaticacheck.rules.Symptom;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.support.RunnerFixture;
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
		assertThat(keys).contains("problem.invalidAnswers.title");
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
		for (Question<?> question : Question.ALL) {
			question.options().forEach((option) -> keys.add(question.optionKeyPrefix() + "." + option));
		}
		// results stored under rules version 1 give their signs as reasons; the reasons
		// of
		// version 2 are checked from the tiers themselves
		Arrays.stream(WarningSign.values())
			.filter(WarningSign::retired)
			.forEach((sign) -> keys.add("referral.reason." + sign.name()));
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
		addEnumKeys(keys, "group.", Group.values());
		Arrays.stream(Pain.values())
			.filter(Pain::present)
			.forEach((pain) -> keys.add("symptomsNow.where." + pain.name()));
		addEnumKeys(keys, "symptomsNow.change.", ChangeSinceLastCheck.values());
		assertAllExist(keys);
	}

	/**
	 * Every reason a tier can give, every finding's evidence summary, every sign of the
	 * safety net and the self-care advice has its words.
	 */
	@Test
	void everyReasonSummaryAndSafetyNetSignHasItsWords() {
		Set<String> keys = new TreeSet<>();
		new RulesService(ShippedRuleTable.table()).reasonKeysByTier().values().forEach(keys::addAll);
		ShippedRuleTable.table().rules().forEach((rule) -> keys.add(rule.evidenceSummaryKey()));
		keys.addAll(RulesService.SAFETY_NET);
		keys.addAll(List.of("safetyNet.heading", "safetyNet.lead", Advice.SELF_CARE));
		assertAllExist(keys);
	}

	/** The hints of options that are easy to misread, which the page shows under them. */
	@Test
	void theOptionsThatAreEasyToMisreadHaveHints() {
		assertAllExist(new TreeSet<>(
				List.of("answer.WarningSign.ONE_LEG_WEAKNESS_WORSENING.hint", "answer.WarningSign.FOOT_DROP.hint",
						"answer.WarningSign.STEROIDS_OR_IMMUNOSUPPRESSION.hint", "answer.Pain.BOTH_LEGS.hint")));
	}

	/**
	 * Every question of the catalogue has the texts the page, the error messages and the
	 * physio's views ask for.
	 */
	@Test
	void everyQuestionHasItsTexts() {
		Set<String> keys = new TreeSet<>(List.of("question.unit.label", "question.unit.hint", "question.unit.required",
				"question.distance.range.KM", "question.distance.range.MILES", "form.field.malformed",
				"form.unknownField"));
		for (Question<?> question : Question.ALL) {
			if (question.section() == Question.Section.SAFETY) {
				// the safety step has texts of its own
				keys.addAll(List.of("safety." + question.pageName() + ".label",
						"safety." + question.pageName() + ".hint", "answer.unreadable." + question.kind()));
				continue;
			}
			String page = "question." + question.pageName();
			keys.addAll(List.of(page + ".label", page + ".hint", "answer.unreadable." + question.kind()));
			if (question.requirement() == Question.Requirement.ALWAYS
					|| question.requirement() == Question.Requirement.AT_FOLLOW_UP) {
				keys.add(page + ".required");
			}
			if (question.min() != null && question.kind() != Question.Kind.DISTANCE) {
				keys.add(page + ".range");
			}
			if (question.requirement().onlyWithPain()) {
				keys.add("answers." + question.name() + ".withPain");
			}
		}
		keys.addAll(List.of("safety.answerRequired", "under16.title", "under16.text", "under16.whatToDo",
				"emergency.cancer", "answers.warningSigns.nightPain", "answers.pain.nightPain"));
		keys.addAll(List.of("problem.field.required", "problem.field.range"));
		for (String type : List.of("wholeNumber", "number", "boolean", "list")) {
			keys.add("problem.field.expected." + type);
		}
		for (String status : List.of("400", "404", "405", "413", "415", "other")) {
			keys.add("error." + status + ".title");
			keys.add("error." + status + ".text");
		}
		assertAllExist(keys);
	}

	/**
	 * Every question, the safety questions included, has its label in the physio's views
	 * and exports.
	 */
	@Test
	void everyQuestionHasItsLabelForThePhysio() {
		assertAllExist(new TreeSet<>(Question.ALL.stream().map(Question::summaryLabelKey).toList()));
	}

	/** The access log names each kind of event in words, never by its enum name. */
	@Test
	void everyAccessLogEventHasItsWords() {
		Set<String> keys = new TreeSet<>();
		addEnumKeys(keys, "access.kind.", AccessLog.Kind.values());
		assertAllExist(keys);
	}

	@Test
	void everyContradictionHasAMessage() {
		Set<String> keys = new TreeSet<>();
		Stream
			.of(RunnerFixture.calm()
				.with(Question.HEIGHT_CM, 180)
				.without(Question.WEIGHT_KG)
				.with(Question.WEEKLY_DISTANCE_KM, 0.0)
				.with(Question.LONGEST_RUN_KM, 5.0)
				.with(Question.PAIN, Pain.ONE_LEG)
				.without(Question.PAIN_WEEKS)
				.without(Question.PAIN_SEVERITY),
					RunnerFixture.calm()
						.without(Question.HEIGHT_CM)
						.with(Question.WEIGHT_KG, 70.0)
						.with(Question.LONGEST_RUN_KM, 0.0)
						.with(Question.BASELINE_WEEKLY_DISTANCE_KM, 10.0)
						.with(Question.BASELINE_LONGEST_RUN_KM, 0.0),
					RunnerFixture.calm().with(Question.WEEKLY_DISTANCE_KM, 10.0).with(Question.LONGEST_RUN_KM, 20.0))
			// as the page asks, which also needs the pain on average
			.map((runner) -> AnswerCheck.problems(runner.values(), Asking.ON_PAGE))
			.flatMap(List::stream)
			.filter((problem) -> problem.kind() == AnswerCheck.Kind.DOES_NOT_FIT)
			.forEach((problem) -> keys.add(problem.messageKey()));
		assertThat(keys).hasSize(10);
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
