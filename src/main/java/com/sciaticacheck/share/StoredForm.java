package com.sciaticacheck.share;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Advice;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Evidence;
import com.sciaticacheck.rules.Factor;
import com.sciaticacheck.rules.Finding;
import com.sciaticacheck.rules.Group;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The stored form of a submission's answers and result: JSON written and read here, field
 * by field, so that renaming a Java class or component never makes a stored submission
 * unreadable. Answers are named by the catalogue's API names; each row records the
 * version of the form it was written in.
 *
 * <ul>
 * <li>Version 1 (before this class): Jackson's output of the internal records. The
 * answers already used the API names. A client who stopped at the safety questions got a
 * made-up score of 0 with the lowest level; it is ignored when read.</li>
 * <li>Version 2: the same names, written explicitly; a stop at the safety questions keeps
 * only the tier and its reasons.</li>
 * <li>Version 3 (rules version 2): the safety check's answers under their own names, each
 * explicit "no" included; findings with their group, what they were counted with, whether
 * the evidence is indirect and its summary; advice with the runner's numbers.</li>
 * <li>Version 4 (rules version 2, questionnaire version 3): written as version 3; its
 * answers may also hold the leg and back pain averages and the follow-up question. The
 * version says which questions the client was asked ({@link QuestionnaireVersion#of}): a
 * version 3 row without them was never asked them.</li>
 * </ul>
 * Results of versions 1 and 2 were scored by rules version 1 and are read as they were
 * scored: nothing is re-scored. Their stops at the safety questions are read without the
 * answers version 1 made up for them (see {@link #readOutcome}).
 */
@Component
class StoredForm {

	static final int CURRENT_VERSION = 4;

	private final JsonMapper json;

	StoredForm(JsonMapper json) {
		this.json = json;
	}

	String writeAnswers(Map<Question<?>, Object> answers) {
		return this.json.writeValueAsString(answersAsJson(answers));
	}

	/**
	 * The answers by API name, as plain JSON values (numbers, booleans, names, lists).
	 */
	Map<String, Object> answersAsJson(Map<Question<?>, Object> answers) {
		Map<String, Object> named = new LinkedHashMap<>();
		answers.forEach((question, value) -> named.put(question.name(), plain(value)));
		return named;
	}

	private static Object plain(Object value) {
		if (value instanceof Collection<?> many) {
			return many.stream().map(StoredForm::plain).toList();
		}
		return (value instanceof Enum<?> option) ? option.name() : value;
	}

	/**
	 * Reads stored answers of any version; names the catalogue no longer has are left
	 * out. Numbers are read as the numbers they were stored as, never through the form's
	 * text rules: a distance converted from miles may have more decimals than anyone
	 * types.
	 */
	Map<Question<?>, Object> readAnswers(String stored) {
		JsonNode node = this.json.readTree(stored);
		Map<Question<?>, Object> answers = new LinkedHashMap<>();
		for (Question<?> question : Question.ALL) {
			JsonNode value = node.get(question.name());
			if (value != null && !value.isNull()) {
				answers.put(question, question.accept(stored(question, value)));
			}
		}
		return answers;
	}

	private static Object stored(Question<?> question, JsonNode value) {
		return switch (question.kind()) {
			case WHOLE_NUMBER -> value.asInt();
			case NUMBER, DISTANCE -> value.asDouble();
			case YES_NO -> value.asBoolean();
			// retired options of earlier rules are read as given
			case ONE_OF -> question.storedOption(value.asString());
			case ANY_OF -> {
				List<Object> options = new ArrayList<>();
				value.forEach((item) -> options.add(question.storedOption(item.asString())));
				yield options;
			}
		};
	}

	String writeResult(String rulesVersion, CheckOutcome outcome) {
		ObjectNode result = this.json.createObjectNode();
		result.put("rulesVersion", rulesVersion);
		result.put("referral", outcome.referral().name());
		ArrayNode reasons = result.putArray("referralReasonKeys");
		outcome.referralReasonKeys().forEach(reasons::add);
		if (outcome instanceof CheckOutcome.Assessed assessed) {
			Assessment assessment = assessed.assessment();
			result.put("score", assessment.score());
			result.put("level", assessment.level().name());
			ArrayNode findings = result.putArray("findings");
			for (Finding finding : assessment.findings()) {
				findings.addObject()
					.put("ruleId", finding.ruleId())
					.put("group", finding.group().name())
					.put("factor", finding.factor().name())
					.put("points", finding.points())
					.put("countedWith", finding.countedWith())
					.put("evidence", finding.evidence().name())
					.put("indirect", finding.indirect())
					.put("evidenceSummaryKey", finding.evidenceSummaryKey())
					.put("explanationKey", finding.explanationKey())
					.put("source", finding.source())
					.put("adviceKey", finding.adviceKey());
			}
			ArrayNode advice = result.putArray("advice");
			for (Advice given : assessment.advice()) {
				ObjectNode stored = advice.addObject()
					.put("key", given.key())
					.put("source", given.source())
					.put("answersFinding", given.answersFinding());
				ArrayNode arguments = stored.putArray("arguments");
				given.arguments().forEach((argument) -> arguments.add(((Number) argument).doubleValue()));
			}
		}
		return this.json.writeValueAsString(result);
	}

	/**
	 * A stop at the safety questions of rules version 1 stored its "yes" answers as
	 * warning signs, and "no pain" for a "no" to pain down both legs, which nobody said:
	 * only what the client really answered is kept.
	 */
	private static Map<Question<?>, Object> askedAtTheOldSafetyStep(Map<Question<?>, Object> stored) {
		Map<Question<?>, Object> answers = new LinkedHashMap<>(stored);
		if (answers.get(Question.PAIN) != Pain.BOTH_LEGS) {
			answers.remove(Question.PAIN);
		}
		if (answers.get(Question.WARNING_SIGNS) instanceof Collection<?> signs && signs.isEmpty()) {
			answers.remove(Question.WARNING_SIGNS);
		}
		return answers;
	}

	private static String textOrNull(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/**
	 * Reads a stored submission back as the outcome the client saw, scored by the rules
	 * of its time. A stop at the safety questions (not {@code complete}) keeps only the
	 * answers given there.
	 */
	CheckOutcome readOutcome(Submission submission) {
		Map<Question<?>, Object> answers = readAnswers(submission.answers());
		JsonNode result = this.json.readTree(submission.result());
		List<String> reasons = new ArrayList<>();
		result.get("referralReasonKeys").forEach((reason) -> reasons.add(reason.asString()));
		if (!submission.complete()) {
			// version 1 stored a made-up score here: not read
			return new CheckOutcome.StoppedAtSafety(
					submission.scoredByRulesVersionOne() ? askedAtTheOldSafetyStep(answers) : answers, reasons);
		}
		List<Finding> findings = new ArrayList<>();
		for (JsonNode finding : result.get("findings")) {
			// rules version 1 had no groups, no counting with, no summaries
			findings.add(new Finding(finding.get("ruleId").asString(),
					textOrNull(finding, "group") != null ? Group.valueOf(textOrNull(finding, "group")) : null,
					Factor.valueOf(finding.get("factor").asString()), finding.get("points").asInt(),
					textOrNull(finding, "countedWith"), Evidence.valueOf(finding.get("evidence").asString()),
					finding.path("indirect").asBoolean(false), textOrNull(finding, "evidenceSummaryKey"),
					finding.get("explanationKey").asString(), finding.get("source").asString(),
					finding.get("adviceKey").asString()));
		}
		List<Advice> advice = new ArrayList<>();
		for (JsonNode given : result.get("advice")) {
			List<Object> arguments = new ArrayList<>();
			given.path("arguments").forEach((argument) -> arguments.add(argument.asDouble()));
			advice.add(new Advice(given.get("key").asString(), given.get("source").asString(),
					given.get("answersFinding").asBoolean(), arguments));
		}
		Assessment assessment = new Assessment(result.get("rulesVersion").asString(), result.get("score").asInt(),
				RiskLevel.valueOf(result.get("level").asString()), Referral.valueOf(result.get("referral").asString()),
				reasons, findings, advice);
		return new CheckOutcome.Assessed(answers, assessment);
	}

}
