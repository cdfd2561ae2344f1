package com.sciaticacheck.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import com.sciaticacheck.rules.ChangeSinceLastCheck;
import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.IntensityChange;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.Symptom;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.RunningAppTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API, version 2, over real HTTP on a random port: the contract, and every kind
 * of bad request. Bodies come from {@link RunnerFixture}, and fields are named by the
 * question catalogue. Every call goes through {@link ApiClient}, so an answer whose
 * status the OpenAPI description does not document fails the test that got it.
 */
@RunningAppTest
class AssessmentApiTests {

	static final String ASSESSMENTS = "/api/v2/assessments";

	static final String RULES = "/api/v2/rules";

	private static final String REQUIRED = "Required";

	private static final String WHOLE_NUMBER = "Must be a whole number";

	private static final String NUMBER = "Must be a number";

	private static final String BOOLEAN = "Must be true or false";

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@AfterAll
	static void listTheStatusesSeen() {
		System.out.println("API statuses seen, each documented: " + ApiClient.seen());
	}

	@Test
	void scoresACalmRunnerAsLowWithGeneralAdviceAndTheSafetyNet() throws Exception {
		HttpResponse<String> response = post(RunnerFixture.calm().json());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("rulesVersion").asString()).isEqualTo("2");
		assertThat(body.get("score").asInt()).isZero();
		assertThat(body.get("level").asString()).isEqualTo("LOW");
		assertThat(body.get("referral").asString()).isEqualTo("NONE");
		assertThat(body.get("seeProfessional").asBoolean()).isFalse();
		assertThat(body.get("referralReasons")).isEmpty();
		assertThat(body.get("findings")).isEmpty();
		assertThat(body.get("advice")).extracting((advice) -> advice.get("id").asString())
			.contains("general.running-form", "general.keep-running");
		assertThat(body.get("safetyNet")).hasSizeGreaterThanOrEqualTo(5)
			.allSatisfy((sign) -> assertThat(sign.asString()).hasSizeGreaterThan(10).doesNotStartWith("safetyNet."));
	}

	@Test
	void explainsEveryFindingWithItsGroupPointsAndEvidence() throws Exception {
		RunnerFixture runner = RunnerFixture.calm()
			.with(Question.LONGEST_RUN_KM, 25.0)
			.with(Question.WEEKLY_DISTANCE_KM, 40.0)
			.with(Question.SMOKER, true)
			.with(Question.STRENGTH_SESSIONS_PER_WEEK, 0)
			.with(Question.CONDITIONS, Set.of(Condition.PREVIOUS_SCIATICA))
			.inPain(Pain.ONE_LEG, 6, 5);
		JsonNode body = this.json.readTree(post(runner.json()).body());
		// risk factors only: the pain is no finding
		assertThat(body.get("findings")).extracting((finding) -> finding.get("ruleId").asString())
			.containsExactly("LOAD-LONG-RUN-SPIKE", "LOAD-LONG-RUN-DOUBLED", "LOAD-WEEKLY-JUMP", "STRENGTH-NONE",
					"HISTORY-SCIATICA", "LIFESTYLE-SMOKING");
		int points = 0;
		for (JsonNode finding : body.get("findings")) {
			assertThat(finding.get("group").asString()).isNotBlank();
			assertThat(finding.get("factor").asString()).isNotBlank();
			assertThat(finding.get("evidence").asString()).isIn("STRONG", "MODERATE", "LIMITED", "EXPERT_OPINION");
			assertThat(finding.get("indirect").isBoolean()).isTrue();
			assertThat(finding.get("evidenceSummary").asString()).hasSizeGreaterThan(20).doesNotStartWith("summary.");
			assertThat(finding.get("explanation").asString()).isNotBlank().doesNotStartWith("finding.");
			assertThat(finding.get("source").asString()).hasSizeGreaterThan(20);
			points += finding.get("points").asInt();
		}
		// one training-load exposure, counted once: the others name the rule that counted
		JsonNode spike = body.get("findings").get(0);
		assertThat(spike.get("group").asString()).isEqualTo("LOAD");
		assertThat(spike.get("points").asInt()).isPositive();
		assertThat(spike.get("countedWith").isNull()).isTrue();
		for (int i = 1; i <= 2; i++) {
			assertThat(body.get("findings").get(i).get("points").asInt()).isZero();
			assertThat(body.get("findings").get(i).get("countedWith").asString()).isEqualTo("LOAD-LONG-RUN-SPIKE");
		}
		assertThat(body.get("score").asInt()).isEqualTo(Math.min(points, 100));
		assertThat(body.get("level").asString()).isEqualTo("HIGH");
		assertThat(body.get("referral").asString()).isEqualTo("ROUTINE");
		assertThat(body.get("seeProfessional").asBoolean()).isTrue();
		// earlier sciatica raises the score; it is no reason to refer
		assertThat(body.get("referralReasons")).extracting(JsonNode::asString)
			.containsExactly("Pain for 4 weeks or more");
		assertThat(body.get("advice")).extracting((advice) -> advice.get("id").asString())
			.startsWith("self-care", "next-long-run");
	}

	static Stream<Arguments> tiers() {
		RunnerFixture calm = RunnerFixture.calm();
		Stream<Arguments> safety = Question.SAFETY_CHECK.stream()
			.map((question) -> tier(question.name() + " true", calm.with(question, true), Referral.EMERGENCY));
		return Stream.concat(safety,
				Stream.of(tier("pain down both legs", calm.inPain(Pain.BOTH_LEGS, 0, 3), Referral.EMERGENCY),
						tier("cancer with leg pain", signs(calm.inPain(Pain.ONE_LEG, 1, 2), WarningSign.CANCER_HISTORY),
								Referral.EMERGENCY),
						tier("cancer with back pain",
								signs(calm.inPain(Pain.BACK_ONLY, 1, 2), WarningSign.CANCER_HISTORY), Referral.URGENT),
						tier("cancer without pain", signs(calm, WarningSign.CANCER_HISTORY), Referral.NONE),
						tier("foot drop without pain", signs(calm, WarningSign.FOOT_DROP), Referral.URGENT),
						tier("fever with back pain",
								signs(calm.inPain(Pain.BACK_ONLY, 1, 2), WarningSign.FEVER_OR_UNWELL), Referral.URGENT),
						tier("fever without pain", signs(calm, WarningSign.FEVER_OR_UNWELL), Referral.NONE),
						tier("minor fall with osteoporosis",
								signs(calm.inPain(Pain.BACK_ONLY, 1, 2), WarningSign.MINOR_FALL,
										WarningSign.OSTEOPOROSIS),
								Referral.URGENT),
						tier("steroid tablets with back pain",
								signs(calm.inPain(Pain.BACK_ONLY, 1, 2), WarningSign.STEROIDS_OR_IMMUNOSUPPRESSION),
								Referral.SOON),
						tier("numbness in one leg without pain",
								calm.with(Question.SYMPTOMS, Set.of(Symptom.NUMBNESS_OR_TINGLING)), Referral.ROUTINE),
						tier("pregnant with back pain",
								calm.with(Question.PREGNANT_OR_POSTPARTUM, true).inPain(Pain.BACK_ONLY, 1, 2),
								Referral.ROUTINE),
						tier("mild back pain", calm.inPain(Pain.BACK_ONLY, 1, 2), Referral.NONE)));
	}

	private static RunnerFixture signs(RunnerFixture runner, WarningSign... signs) {
		return runner.with(Question.WARNING_SIGNS, Set.of(signs));
	}

	private static Arguments tier(String name, RunnerFixture runner, Referral referral) {
		return Arguments.of(Named.of(name, runner), referral);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tiers")
	void decidesTheTierApartFromTheScore(RunnerFixture runner, Referral referral) throws Exception {
		JsonNode body = this.json.readTree(post(runner.json()).body());
		assertThat(body.get("referral").asString()).isEqualTo(referral.name());
		assertThat(body.get("seeProfessional").asBoolean()).isEqualTo(referral != Referral.NONE);
		assertThat(body.get("referralReasons")).as("a reason for every tier but NONE")
			.hasSizeGreaterThanOrEqualTo((referral != Referral.NONE) ? 1 : 0);
		// the safety check, pain, symptoms and warning signs never change the score
		assertThat(body.get("score").asInt()).isZero();
		assertThat(body.get("safetyNet")).isNotEmpty();
	}

	@Test
	void anySafetyAnswerTrueIsAnEmergencyNamingIt() throws Exception {
		JsonNode body = this.json
			.readTree(post(RunnerFixture.calm().with(Question.SADDLE_NUMBNESS, true).json()).body());
		assertThat(body.get("referral").asString()).isEqualTo("EMERGENCY");
		assertThat(body.get("referralReasons")).extracting(JsonNode::asString)
			.containsExactly("Numbness or tingling around your genitals, bottom or inner thighs");
	}

	@Test
	void painInBothLegsIsAnEmergency() throws Exception {
		JsonNode body = this.json.readTree(post(RunnerFixture.calm().inPain(Pain.BOTH_LEGS, 0, 3).json()).body());
		assertThat(body.get("referral").asString()).isEqualTo("EMERGENCY");
		assertThat(body.get("referralReasons")).extracting(JsonNode::asString)
			.containsExactly("Pain spreading down both legs");
	}

	@Test
	void acceptsEveryIntensityAndLeavingOutPregnancy() throws Exception {
		for (IntensityChange intensity : IntensityChange.values()) {
			RunnerFixture runner = RunnerFixture.calm()
				.with(Question.INTENSITY_CHANGE, intensity)
				.without(Question.PREGNANT_OR_POSTPARTUM);
			assertThat(post(runner.json()).statusCode()).as(intensity.name()).isEqualTo(200);
		}
		JsonNode rise = this.json.readTree(
				post(RunnerFixture.calm().with(Question.INTENSITY_CHANGE, IntensityChange.MUCH_MORE).json()).body());
		assertThat(rise.get("findings")).extracting((finding) -> finding.get("ruleId").asString())
			.containsExactly("LOAD-INTENSITY-RISE");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aMissingSafetyCheckNamesEachOfItsQuestions(boolean sentAsNull) throws Exception {
		ObjectNode body = ApiBodies.object(RunnerFixture.calm());
		body.remove(Question.SAFETY_CHECK_OBJECT);
		if (sentAsNull) {
			body.putNull(Question.SAFETY_CHECK_OBJECT);
		}
		JsonNode problem = assertProblem(post(body.toString()), 400);
		// an unasked safety question is never a "no"
		assertThat(errors(problem)).containsExactlyInAnyOrderElementsOf(
				Question.SAFETY_CHECK.stream().map((question) -> error(question, REQUIRED)).toList());
	}

	@Test
	void aMissingSafetyAnswerIsNamedAndNeverReadAsNo() throws Exception {
		for (Question<Boolean> question : Question.SAFETY_CHECK) {
			JsonNode problem = assertProblem(post(RunnerFixture.calm().without(question).json()), 400);
			assertThat(errors(problem)).containsExactly(error(question, REQUIRED));
			assertThat(question.name()).startsWith(Question.SAFETY_CHECK_OBJECT + ".");
		}
	}

	/**
	 * A safety answer is a member of the safetyCheck object only: a flat
	 * "safetyCheck.bowelChange": false must neither stand in for the object nor overwrite
	 * its "yes".
	 */
	@Test
	void aFlatSafetyAnswerIsUnknownAndNeverOverridesTheObject() throws Exception {
		ObjectNode overriding = ApiBodies.object(RunnerFixture.calm().with(Question.BOWEL_CHANGE, true));
		overriding.put(Question.BOWEL_CHANGE.name(), false);
		assertThat(errors(assertProblem(post(overriding.toString()), 400)))
			.containsExactly(error(Question.BOWEL_CHANGE.name(), "Unknown field"));
		ObjectNode flat = ApiBodies.object(RunnerFixture.calm());
		flat.remove(Question.SAFETY_CHECK_OBJECT);
		Question.SAFETY_CHECK.forEach((question) -> flat.put(question.name(), false));
		// each flat name is unknown, and the object's members are named as missing under
		// the
		// same names: one error each
		assertThat(errors(assertProblem(post(flat.toString()), 400))).containsExactlyInAnyOrderElementsOf(
				Question.SAFETY_CHECK.stream().map((question) -> error(question.name(), "Unknown field")).toList());
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"no\"", "0", "\"false\"", "[]", "{}" })
	void aSafetyAnswerMustBeTrueOrFalse(String value) throws Exception {
		ObjectNode body = ApiBodies.object(RunnerFixture.calm());
		((ObjectNode) body.get(Question.SAFETY_CHECK_OBJECT)).putRawValue(Question.BLADDER_CHANGE.pageName(),
				new tools.jackson.databind.util.RawValue(value));
		JsonNode problem = assertProblem(post(body.toString()), 400);
		assertThat(errors(problem)).containsExactly(error(Question.BLADDER_CHANGE, BOOLEAN));
	}

	@Test
	void refusesAnUnknownSafetyAnswer() throws Exception {
		ObjectNode body = ApiBodies.object(RunnerFixture.calm());
		((ObjectNode) body.get(Question.SAFETY_CHECK_OBJECT)).put("chestPain", false);
		JsonNode problem = assertProblem(post(body.toString()), 400);
		assertThat(errors(problem))
			.containsExactly(error(Question.SAFETY_CHECK_OBJECT + ".chestPain", "Unknown field"));
	}

	@Test
	void aSafetyCheckThatIsNotAnObjectIsNamedOnce() throws Exception {
		ObjectNode body = ApiBodies.object(RunnerFixture.calm());
		body.put(Question.SAFETY_CHECK_OBJECT, false);
		JsonNode problem = assertProblem(post(body.toString()), 400);
		assertThat(errors(problem)).containsExactly(error(Question.SAFETY_CHECK_OBJECT, "Must be a JSON object"));
	}

	@Test
	void intensityIsRequiredAndOneOfItsOptions() throws Exception {
		JsonNode missing = assertProblem(post(RunnerFixture.calm().without(Question.INTENSITY_CHANGE).json()), 400);
		assertThat(errors(missing)).containsExactly(error(Question.INTENSITY_CHANGE, REQUIRED));
		JsonNode wrong = assertProblem(
				post(ApiBodies.withRaw(RunnerFixture.calm(), Question.INTENSITY_CHANGE, "\"A_LOT\"")), 400);
		assertThat(errors(wrong)).containsExactly(error(Question.INTENSITY_CHANGE, oneOf(Question.INTENSITY_CHANGE)));
		assertThat(Question.INTENSITY_CHANGE.options()).containsExactly("NONE", "SOME_MORE", "MUCH_MORE");
	}

	/**
	 * The answers a physio follows over time came after version 2 was published: a
	 * request written before them is still assessed, and one that gives them, at any
	 * value, gets exactly the same answer.
	 */
	@Test
	void theFollowUpAnswersAreOptionalAndChangeNothing() throws Exception {
		RunnerFixture writtenBefore = RunnerFixture.calm()
			.with(Question.SMOKER, true)
			.inPain(Pain.ONE_LEG, 5, 4)
			.without(Question.LEG_PAIN_AVERAGE)
			.without(Question.BACK_PAIN_AVERAGE);
		assertThat(writtenBefore.json()).doesNotContain(Question.LEG_PAIN_AVERAGE.name(),
				Question.BACK_PAIN_AVERAGE.name(), Question.CHANGE_SINCE_LAST_CHECK.name());
		HttpResponse<String> before = post(writtenBefore.json());
		assertThat(before.statusCode()).isEqualTo(200);
		JsonNode expected = this.json.readTree(before.body());
		assertThat(expected.get("referral").asString()).isEqualTo("ROUTINE");
		for (ChangeSinceLastCheck change : ChangeSinceLastCheck.values()) {
			for (int average : List.of(0, 10)) {
				RunnerFixture followUp = writtenBefore.with(Question.CHANGE_SINCE_LAST_CHECK, change)
					.with(Question.LEG_PAIN_AVERAGE, average)
					.with(Question.BACK_PAIN_AVERAGE, average);
				HttpResponse<String> response = post(followUp.json());
				assertThat(response.statusCode()).as(change + " " + average).isEqualTo(200);
				assertThat(this.json.readTree(response.body())).as(change + " " + average).isEqualTo(expected);
			}
		}
		JsonNode wrong = assertProblem(
				post(ApiBodies.withRaw(writtenBefore, Question.CHANGE_SINCE_LAST_CHECK, "\"SLIGHTLY_BETTER\"")), 400);
		assertThat(errors(wrong))
			.containsExactly(error(Question.CHANGE_SINCE_LAST_CHECK, oneOf(Question.CHANGE_SINCE_LAST_CHECK)));
		assertThat(Question.CHANGE_SINCE_LAST_CHECK.options()).containsExactly("MUCH_BETTER", "BETTER",
				"ABOUT_THE_SAME", "WORSE", "MUCH_WORSE");
		JsonNode notANumber = assertProblem(post(ApiBodies.withRaw(writtenBefore, Question.LEG_PAIN_AVERAGE, "\"3\"")),
				400);
		assertThat(errors(notANumber)).containsExactly(error(Question.LEG_PAIN_AVERAGE, WHOLE_NUMBER));
	}

	@Test
	void pregnancyMustBeTrueOrFalseWhenGiven() throws Exception {
		JsonNode problem = assertProblem(
				post(ApiBodies.withRaw(RunnerFixture.calm(), Question.PREGNANT_OR_POSTPARTUM, "\"yes\"")), 400);
		assertThat(errors(problem)).containsExactly(error(Question.PREGNANT_OR_POSTPARTUM, BOOLEAN));
	}

	@Test
	void anEmergencySignInWarningSignsPointsToTheSafetyCheck() throws Exception {
		for (WarningSign sign : WarningSign.values()) {
			if (!sign.retired()) {
				continue;
			}
			ObjectNode body = ApiBodies.object(RunnerFixture.calm());
			body.putArray(Question.WARNING_SIGNS.name()).add(WarningSign.FOOT_DROP.name()).add(sign.name());
			JsonNode problem = assertProblem(post(body.toString()), 400);
			assertThat(fields(problem)).as(sign.name()).containsExactly(Question.WARNING_SIGNS.name() + "[1]");
			assertThat(problem.get("errors").get(0).get("message").asString()).as(sign.name())
				.contains(sign.askedNowBy())
				.contains(Question.SAFETY_CHECK_OBJECT + ".");
		}
	}

	@Test
	void nightPainWithoutPainNamesBothAnswers() throws Exception {
		JsonNode problem = assertProblem(post(signs(RunnerFixture.calm(), WarningSign.NIGHT_OR_CONSTANT_PAIN).json()),
				400);
		assertThat(fields(problem)).containsExactlyInAnyOrder(Question.WARNING_SIGNS.name(), Question.PAIN.name());
	}

	@Test
	void namesEveryMissingOrOutOfRangeField() throws Exception {
		RunnerFixture runner = ApiBodies.unanswered()
			.with(Question.AGE_YEARS, 12)
			.with(Question.HEIGHT_CM, 300)
			.with(Question.PAIN, Pain.ONE_LEG)
			.with(Question.WEEKLY_DISTANCE_KM, -1.0);
		JsonNode problem = assertProblem(post(runner.json()), 400);
		// the lists may be left out: no answer means none of them
		assertThat(errors(problem)).containsExactlyInAnyOrder(error(Question.AGE_YEARS, range(Question.AGE_YEARS)),
				error(Question.HEIGHT_CM, range(Question.HEIGHT_CM)),
				error(Question.WEEKLY_DISTANCE_KM, range(Question.WEEKLY_DISTANCE_KM)),
				error(Question.WEIGHT_KG, "Enter your weight as well as your height, or leave both empty"),
				error(Question.PAIN_WEEKS, "Enter for how many weeks you have had the pain"),
				error(Question.PAIN_SEVERITY, "Enter how bad the pain is, from 0 to 10"),
				error(Question.SMOKER, REQUIRED), error(Question.BASELINE_WEEKLY_DISTANCE_KM, REQUIRED),
				error(Question.LONGEST_RUN_KM, REQUIRED), error(Question.BASELINE_LONGEST_RUN_KM, REQUIRED),
				error(Question.UNEVEN_SURFACES, REQUIRED), error(Question.FOOTWEAR, REQUIRED),
				error(Question.STRENGTH_SESSIONS_PER_WEEK, REQUIRED), error(Question.SIDE_TO_SIDE_DIFFERENCE, REQUIRED),
				error(Question.FORM_CONCERNS, REQUIRED), error(Question.INTENSITY_CHANGE, REQUIRED),
				error(Question.SADDLE_NUMBNESS, REQUIRED), error(Question.BLADDER_CHANGE, REQUIRED),
				error(Question.BOWEL_CHANGE, REQUIRED), error(Question.SEXUAL_DYSFUNCTION, REQUIRED),
				error(Question.BOTH_LEGS_WEAK_OR_NUMB, REQUIRED), error(Question.SERIOUS_ACCIDENT, REQUIRED));
	}

	@Test
	void namesEveryOffendingFieldEvenWhenSomeCannotBeRead() throws Exception {
		ObjectNode body = ApiBodies
			.object(ApiBodies.unanswered().with(Question.PAIN, Pain.NONE).with(Question.WEEKLY_DISTANCE_KM, 500.0));
		body.put(Question.AGE_YEARS.name(), "x");
		body.put("shoeSize", 44);
		body.put(Question.FOOTWEAR.name(), "SANDALS");
		body.putArray(Question.CONDITIONS.name()).add(Condition.HERNIATED_DISC.name()).add("BROKEN");
		JsonNode problem = assertProblem(post(body.toString()), 400);
		// an answer that cannot be read is named once, not also as missing
		assertThat(fields(problem)).doesNotHaveDuplicates();
		assertThat(errors(problem)).containsExactlyInAnyOrder(error(Question.AGE_YEARS, WHOLE_NUMBER),
				error("shoeSize", "Unknown field"), error(Question.FOOTWEAR, oneOf(Question.FOOTWEAR)),
				error(Question.CONDITIONS.name() + "[1]", oneOf(Question.CONDITIONS)),
				error(Question.WEEKLY_DISTANCE_KM, range(Question.WEEKLY_DISTANCE_KM)),
				error(Question.SMOKER, REQUIRED), error(Question.BASELINE_WEEKLY_DISTANCE_KM, REQUIRED),
				error(Question.LONGEST_RUN_KM, REQUIRED), error(Question.BASELINE_LONGEST_RUN_KM, REQUIRED),
				error(Question.UNEVEN_SURFACES, REQUIRED), error(Question.STRENGTH_SESSIONS_PER_WEEK, REQUIRED),
				error(Question.SIDE_TO_SIDE_DIFFERENCE, REQUIRED), error(Question.FORM_CONCERNS, REQUIRED),
				error(Question.INTENSITY_CHANGE, REQUIRED), error(Question.SADDLE_NUMBNESS, REQUIRED),
				error(Question.BLADDER_CHANGE, REQUIRED), error(Question.BOWEL_CHANGE, REQUIRED),
				error(Question.SEXUAL_DYSFUNCTION, REQUIRED), error(Question.BOTH_LEGS_WEAK_OR_NUMB, REQUIRED),
				error(Question.SERIOUS_ACCIDENT, REQUIRED));
	}

	@Test
	void aBodyThatIsNotAnObjectIsRefused() throws Exception {
		for (String body : List.of("[]", "null", "42")) {
			JsonNode problem = assertProblem(post(body), 400);
			assertThat(errors(problem)).as(body).containsExactly(error("", "The request body must be a JSON object"));
		}
	}

	@Test
	void refusesAnswersThatContradictEachOther() throws Exception {
		RunnerFixture runner = RunnerFixture.calm().with(Question.LONGEST_RUN_KM, 40.0).with(Question.HEIGHT_CM, 180);
		JsonNode problem = assertProblem(post(runner.json()), 400);
		assertThat(errors(problem)).containsExactly(
				error(Question.LONGEST_RUN_KM,
						"Your longest run cannot be longer than all your running in the last 7 days"),
				error(Question.WEIGHT_KG, "Enter your weight as well as your height, or leave both empty"));
	}

	@Test
	void refusesAnUnknownField() throws Exception {
		ObjectNode body = ApiBodies.object(RunnerFixture.calm());
		body.put("shoeSize", 44);
		JsonNode problem = assertProblem(post(body.toString()), 400);
		assertThat(errors(problem)).containsExactly(error("shoeSize", "Unknown field"));
	}

	static Stream<Arguments> unreadableAnswers() {
		return Stream.of(unreadable("text for a number", Question.AGE_YEARS, "\"forty\"", "", WHOLE_NUMBER),
				unreadable("number as text", Question.AGE_YEARS, "\"40\"", "", WHOLE_NUMBER),
				unreadable("fraction for a whole number", Question.AGE_YEARS, "40.5", "", WHOLE_NUMBER),
				unreadable("unknown option", Question.FOOTWEAR, "\"SANDALS\"", "", oneOf(Question.FOOTWEAR)),
				unreadable("object for a number", Question.WEEKLY_DISTANCE_KM, "{\"a\": 1}", "", NUMBER),
				unreadable("text for a boolean", Question.SMOKER, "\"yes\"", "", "Must be true or false"),
				unreadable("one option for a list", Question.CONDITIONS, "\"PREVIOUS_SCIATICA\"", "", "Must be a list"),
				unreadable("list item of the wrong kind", Question.CONDITIONS, "[\"BROKEN_LEG\"]", "[0]",
						oneOf(Question.CONDITIONS)));
	}

	private static Arguments unreadable(String problem, Question<?> question, String value, String index,
			String message) {
		return Arguments.of(Named.of(problem, question), value, index, message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unreadableAnswers")
	void namesTheFieldJsonCannotRead(Question<?> question, String value, String index, String message)
			throws Exception {
		JsonNode response = assertProblem(post(ApiBodies.withRaw(RunnerFixture.calm(), question, value)), 400);
		assertThat(errors(response)).containsExactly(error(question.name() + index, message));
	}

	static Stream<Arguments> numbersOutOfRange() {
		RunnerFixture calm = RunnerFixture.calm();
		return Stream.of(
				outOfRange("1e999", ApiBodies.withRaw(calm, Question.WEEKLY_DISTANCE_KM, "1e999"),
						Question.WEEKLY_DISTANCE_KM, NUMBER),
				outOfRange("\"NaN\"", ApiBodies.withRaw(calm, Question.WEEKLY_DISTANCE_KM, "\"NaN\""),
						Question.WEEKLY_DISTANCE_KM, NUMBER),
				outOfRange("\"Infinity\"", ApiBodies.withRaw(calm, Question.WEEKLY_DISTANCE_KM, "\"Infinity\""),
						Question.WEEKLY_DISTANCE_KM, NUMBER),
				outOfRange("-0.1 km", calm.with(Question.WEEKLY_DISTANCE_KM, -0.1).json(), Question.WEEKLY_DISTANCE_KM,
						range(Question.WEEKLY_DISTANCE_KM)),
				outOfRange("400.1 km", calm.with(Question.WEEKLY_DISTANCE_KM, 400.1).json(),
						Question.WEEKLY_DISTANCE_KM, range(Question.WEEKLY_DISTANCE_KM)),
				outOfRange("age 101", calm.with(Question.AGE_YEARS, 101).json(), Question.AGE_YEARS,
						range(Question.AGE_YEARS)),
				// only the field: the message says "whole number" of a whole number
				outOfRange("age beyond any int", ApiBodies.withRaw(calm, Question.AGE_YEARS, "99999999999999999999"),
						Question.AGE_YEARS, null),
				outOfRange("severity 11", calm.inPain(Pain.BACK_ONLY, 1, 11).json(), Question.PAIN_SEVERITY,
						range(Question.PAIN_SEVERITY)));
	}

	private static Arguments outOfRange(String name, String body, Question<?> question, String message) {
		return Arguments.of(Named.of(name, body), question, message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("numbersOutOfRange")
	void refusesNumbersOutOfRange(String body, Question<?> question, String message) throws Exception {
		JsonNode problem = assertProblem(post(body), 400);
		assertThat(fields(problem)).contains(question.name());
		if (message != null) {
			assertThat(errors(problem)).contains(error(question, message));
		}
	}

	static Stream<Arguments> numericQuestions() {
		return Question.ALL.stream().filter(Question::numeric).map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("numericQuestions")
	void refusesEveryNumberJustOutsideTheCataloguesRange(Question<?> question) throws Exception {
		BigDecimal step = (question.kind() == Question.Kind.WHOLE_NUMBER) ? BigDecimal.ONE : new BigDecimal("0.1");
		// with pain, so the answers that need it are not dropped
		RunnerFixture runner = RunnerFixture.calm().inPain(Pain.BACK_ONLY, 1, 2);
		for (BigDecimal outside : List.of(question.min().subtract(step), question.max().add(step))) {
			JsonNode problem = assertProblem(post(ApiBodies.withRaw(runner, question, outside.toPlainString())), 400);
			assertThat(errors(problem)).as(outside.toPlainString()).contains(error(question, range(question)));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("numericQuestions")
	void acceptsEveryNumberAtTheEndsOfTheCataloguesRange(Question<?> question) throws Exception {
		RunnerFixture runner = RunnerFixture.calm().inPain(Pain.BACK_ONLY, 1, 2);
		for (BigDecimal end : List.of(question.min(), question.max())) {
			HttpResponse<String> response = post(ApiBodies.withRaw(runner, question, end.toPlainString()));
			// an end may contradict another answer (a longest run of 0 km): not its range
			if (response.statusCode() != 200) {
				assertThat(errors(assertProblem(response, 400))).as(end.toPlainString())
					.doesNotContain(error(question, range(question)));
			}
		}
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		String body = RunnerFixture.calm().json();
		JsonNode problem = assertProblem(post(body.substring(0, body.length() - 1) + ","), 400);
		assertThat(problem.get("title").asString()).isEqualTo("The body is not valid JSON");
		assertThat(problem.get("detail").asString())
			.isEqualTo("The request body could not be read as JSON. Check for a missing bracket, quote or comma.");
		assertThat(problem.has("errors")).isFalse();
	}

	@Test
	void wrongContentTypeIsUnsupported() throws Exception {
		HttpResponse<String> response = this.api.send(this.api.request(ASSESSMENTS)
			.header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString(RunnerFixture.calm().json())));
		JsonNode problem = assertProblem(response, 415);
		assertThat(problem.get("instance").asString()).isEqualTo(ASSESSMENTS);
		assertThat(problem.get("detail").asString()).contains("Content-Type: application/json");
	}

	@Test
	void bodyOverTheLimitIsTooLarge() throws Exception {
		ObjectNode huge = ApiBodies.object(RunnerFixture.calm());
		huge.put("padding", "x".repeat(70 * 1024));
		JsonNode problem = assertProblem(post(huge.toString()), 413);
		assertThat(problem.get("title").asString()).isEqualTo("Request body too large");
		assertThat(problem.get("detail").asString()).contains("64 KiB");
	}

	@Test
	void bodyOverTheLimitWithoutALengthIsTooLarge() throws Exception {
		byte[] chunk = " ".repeat(8 * 1024).getBytes();
		List<byte[]> chunks = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			chunks.add(chunk);
		}
		// a publisher of unknown length makes the client send the body chunked, without
		// Content-Length
		HttpRequest.BodyPublisher unknownLength = new HttpRequest.BodyPublisher() {

			private final HttpRequest.BodyPublisher delegate = BodyPublishers.ofByteArrays(chunks);

			@Override
			public long contentLength() {
				return -1;
			}

			@Override
			public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
				this.delegate.subscribe(subscriber);
			}

		};
		HttpResponse<String> response = this.api
			.send(this.api.request(ASSESSMENTS).header("Content-Type", "application/json").POST(unknownLength));
		// the same words as when the declared length alone is too much
		JsonNode problem = assertProblem(response, 413);
		assertThat(problem.get("title").asString()).isEqualTo("Request body too large");
		assertThat(problem.get("detail").asString()).contains("64 KiB");
	}

	@Test
	void servesTheRuleTable() throws Exception {
		HttpResponse<String> response = this.api.get(RULES);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode table = this.json.readTree(response.body());
		assertThat(table.get("version").asString()).isEqualTo("2");
		JsonNode gradePoints = table.get("gradePoints");
		assertThat(gradePoints.propertyNames()).containsExactly("STRONG", "MODERATE", "LIMITED", "EXPERT_OPINION");
		assertThat(table.get("rules")).hasSizeGreaterThan(15);
		assertThat(table.get("rules").get(0).get("id").asString()).isEqualTo("LOAD-LONG-RUN-SPIKE");
		for (JsonNode rule : table.get("rules")) {
			String id = rule.get("id").asString();
			for (String field : List.of("group", "factor", "measure", "operator", "threshold", "evidence", "source",
					"evidenceSummary", "explanation", "advice")) {
				assertThat(rule.get(field).asString()).as(id + " " + field).isNotBlank();
			}
			assertThat(rule.get("indirect").isBoolean()).as(id).isTrue();
			// points follow the grade and nothing else
			assertThat(rule.get("points").asInt()).as(id)
				.isEqualTo(gradePoints.get(rule.get("evidence").asString()).asInt());
		}
		assertThat(table.get("bands")).hasSize(3);
		assertThat(table.get("tiers")).extracting((tier) -> tier.get("tier").asString())
			.containsExactly("EMERGENCY", "URGENT", "SOON", "ROUTINE", "NONE");
		assertThat(table.get("tiers").get(0).get("reasons")).isNotEmpty();
		assertThat(table.get("safetyNet")).isNotEmpty();
	}

	static Stream<Arguments> retiredPaths() {
		return Stream.of("GET", "POST", "PUT", "PATCH", "DELETE")
			.flatMap((method) -> Stream.of(Arguments.of(method, "/api/v1/assessments", ASSESSMENTS),
					Arguments.of(method, "/api/v1/rules", RULES)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("retiredPaths")
	void versionOneIsGoneAndNamesVersionTwo(String method, String path, String replacement) throws Exception {
		HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE") ? BodyPublishers.noBody()
				: BodyPublishers.ofString(RunnerFixture.calm().json());
		JsonNode problem = assertProblem(
				this.api.send(this.api.request(path).header("Content-Type", "application/json").method(method, body)),
				410);
		assertThat(problem.get("replacedBy").asString()).isEqualTo(replacement);
		assertThat(problem.get("detail").asString()).contains(replacement);
	}

	@Test
	void servesAnOpenApiDescriptionOfVersionTwo() throws Exception {
		JsonNode openApi = this.api.description();
		assertThat(openApi.get("openapi").asString()).startsWith("3.");
		assertThat(openApi.get("paths").has(ASSESSMENTS)).isTrue();
		assertThat(openApi.get("paths").has(RULES)).isTrue();
	}

	@Test
	void unknownApiPathIsAProblem() throws Exception {
		assertProblem(this.api.get("/api/v2/nothing-here"), 404);
	}

	@Test
	void exposesOnlyHealthAndInfo() throws Exception {
		assertThat(this.api.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(this.api.get("/actuator/info").statusCode()).isEqualTo(200);
		assertThat(this.api.get("/actuator/env").statusCode()).isEqualTo(404);
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
		return problem;
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

	/** The problem's errors as {@code field: message}, to compare with {@link #error}. */
	private static List<String> errors(JsonNode problem) {
		List<String> errors = new ArrayList<>();
		problem.get("errors")
			.forEach((error) -> errors.add(error(error.get("field").asString(), error.get("message").asString())));
		return errors;
	}

	private static String error(Question<?> question, String message) {
		return error(question.name(), message);
	}

	private static String error(String field, String message) {
		return field + ": " + message;
	}

	private static String range(Question<?> question) {
		return "Must be from " + question.min().toPlainString() + " to " + question.max().toPlainString();
	}

	private static String oneOf(Question<?> question) {
		return "Must be one of " + question.options();
	}

	private HttpResponse<String> post(String body) {
		return this.api.postJson(ASSESSMENTS, body);
	}

}
