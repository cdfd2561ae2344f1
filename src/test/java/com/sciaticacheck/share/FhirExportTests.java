package com.sciaticacheck.share;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.sciaticacheck.system.Tokens;
import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Answers;
import com.sciaticacheck.rules.ChangeSinceLastCheck;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR exports, checked by HAPI FHIR's own R4 validator: every version of the
 * Questionnaire the app serves, and submissions' QuestionnaireResponses, each validated
 * against the version it names.
 */
@RunningAppTest
class FhirExportTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShareService share;

	@Autowired
	private RulesService rules;

	private final FhirContext fhir = FhirContext.forR4Cached();

	/** A physio signed in to a clinic account, whose links the tests make. */
	private Browserless physio;

	private long account;

	@BeforeEach
	void cleanStart() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.physio = new Browserless(this.port);
		this.account = ClinicAccounts.signIn(this.physio, this.jdbc, "physio@fhir.example");
	}

	@Test
	void everyQuestionnaireVersionIsValidFhirUnderOneCanonical() {
		Browserless client = new Browserless(this.port);
		String current = client.get(FhirExport.QUESTIONNAIRE_PATH).body();
		assertThat(client.get(FhirExport.QUESTIONNAIRE_PATH + "/_history/3").body()).isEqualTo(current);
		String second = client.get(FhirExport.QUESTIONNAIRE_PATH + "/_history/2").body();
		String first = client.get(FhirExport.QUESTIONNAIRE_PATH + "/_history/1").body();
		assertThat(client.get(FhirExport.QUESTIONNAIRE_PATH + "/_history/4").status()).isEqualTo(404);
		assertThat(errors(current)).isEmpty();
		assertThat(errors(second)).isEmpty();
		assertThat(errors(first)).isEmpty();

		Questionnaire three = parse(current);
		Questionnaire two = parse(second);
		Questionnaire one = parse(first);
		assertThat(three.getUrl()).isEqualTo(two.getUrl())
			.isEqualTo(one.getUrl())
			.endsWith(FhirExport.QUESTIONNAIRE_PATH);
		assertThat(List.of(one.getVersion(), two.getVersion(), three.getVersion())).containsExactly("1", "2", "3");
		assertThat(List.of(one.getStatus(), two.getStatus(), three.getStatus())).extracting(Enum::name)
			.containsExactly("RETIRED", "RETIRED", "ACTIVE");
		assertThat(three.getItem()).extracting((item) -> item.getLinkId())
			.containsExactlyElementsOf(
					Stream.concat(Question.ALL.stream().map(Question::name), Stream.of("result")).toList());
		assertThat(two.getItem()).as("version 2: as asked before the follow-up questions")
			.extracting((item) -> item.getLinkId())
			.containsExactlyElementsOf(Stream
				.concat(Question.ALL.stream()
					.filter((question) -> question != Question.LEG_PAIN_AVERAGE
							&& question != Question.BACK_PAIN_AVERAGE && question != Question.CHANGE_SINCE_LAST_CHECK)
					.map(Question::name), Stream.of("result"))
				.toList());
		assertThat(two.getItem().subList(0, 6)).as("the safety questions, each a yes or no")
			.allSatisfy((item) -> assertThat(item.getType()).isEqualTo(QuestionnaireItemType.BOOLEAN))
			.extracting((item) -> item.getLinkId())
			.containsExactlyElementsOf(Question.SAFETY_CHECK.stream().map(Question::name).toList());
		assertThat(one.getItem()).as("version 1: as the questions were before the safety check")
			.extracting((item) -> item.getLinkId())
			.containsExactly("ageYears", "heightCm", "weightKg", "smoker", "weeklyDistanceKm",
					"baselineWeeklyDistanceKm", "longestRunKm", "baselineLongestRunKm", "unevenSurfaces", "footwear",
					"strengthSessionsPerWeek", "sideToSideDifference", "formConcerns", "conditions", "pain",
					"painWeeks", "painSeverity", "symptoms", "warningSigns", "result");
		assertThat(options(one, "warningSigns")).contains("SADDLE_NUMBNESS", "RECENT_TRAUMA", "NONE")
			.doesNotContain("MINOR_FALL");
		assertThat(options(two, "warningSigns")).contains("MINOR_FALL", "NONE").doesNotContain("RECENT_TRAUMA");
		assertThat(options(three, "warningSigns")).isEqualTo(options(two, "warningSigns"));
		assertThat(options(one, "result")).containsExactly("NONE", "ROUTINE", "URGENT", "EMERGENCY");
		assertThat(options(two, "result")).containsExactly("NONE", "ROUTINE", "SOON", "URGENT", "EMERGENCY");
		assertThat(options(three, "result")).isEqualTo(options(two, "result"));
		assertThat(three.getItemFirstRep().getCode()).isEmpty();
		assertThat(three.getItem().get(6).getCode()).as("a LOINC code where one fits")
			.singleElement()
			.satisfies((code) -> assertThat(code.getSystem()).isEqualTo("http://loinc.org"));
		assertThat(item(three, Question.PAIN_SEVERITY.name()).getCode()).singleElement()
			.satisfies((code) -> assertThat(code.getCode()).isEqualTo("72514-3"));
		for (Question<?> average : List.of(Question.LEG_PAIN_AVERAGE, Question.BACK_PAIN_AVERAGE)) {
			Questionnaire.QuestionnaireItemComponent item = item(three, average.name());
			assertThat(item.getType()).isEqualTo(QuestionnaireItemType.INTEGER);
			assertThat(item.getText()).contains("on average, last 7 days (0 to 10)");
			assertThat(item.getCode()).as("no LOINC term for one body part's pain on average over 7 days").isEmpty();
		}
		assertThat(item(three, Question.CHANGE_SINCE_LAST_CHECK.name()).getType())
			.isEqualTo(QuestionnaireItemType.CHOICE);
		assertThat(options(three, Question.CHANGE_SINCE_LAST_CHECK.name())).containsExactly("MUCH_BETTER", "BETTER",
				"ABOUT_THE_SAME", "WORSE", "MUCH_WORSE");
		assertThat(three.getDescription()).contains("Version 3", "follow-up", "rules version 2");
	}

	/** Version 1's frozen options are all answers stored results can hold. */
	@Test
	void everyOptionOfEveryVersionIsReadable() {
		for (QuestionnaireVersion version : QuestionnaireVersion.values()) {
			for (QuestionnaireVersion.Item item : version.items()) {
				if (item.question().kind() == Question.Kind.ANY_OF) {
					assertThat(item.options()).as("an empty list is coded " + SubmissionExports.NONE_SELECTED)
						.doesNotContain(SubmissionExports.NONE_SELECTED);
				}
				item.options().forEach((option) -> assertThat(item.question().storedOption(option)).isNotNull());
			}
		}
	}

	@Test
	void submissionExportsAsAValidQuestionnaireResponseToVersionThree() {
		createLinkWithSubmission(ShareFlowContract.runner());
		String detail = this.physio.get("/clinic").document().selectFirst("tbody a").attr("href");
		Browserless.Page export = this.physio.get(detail + "/fhir");
		assertThat(export.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/fhir+json"));
		assertThat(errors(export.body())).isEmpty();
		assertThat(errors(export.body().replace("\"PREVIOUS_SCIATICA\"", "\"NOT_AN_OPTION\"")))
			.as("the validator checks answers against the questionnaire's options")
			.isNotEmpty();
		QuestionnaireResponse response = this.fhir.newJsonParser()
			.parseResource(QuestionnaireResponse.class, export.body());
		assertThat(response.getQuestionnaire()).endsWith(FhirExport.QUESTIONNAIRE_PATH + "|3");
		assertThat(answers(response, Question.LEG_PAIN_AVERAGE.name())).singleElement()
			.satisfies((answer) -> assertThat(answer.getValueIntegerType().getValue()).isEqualTo(3));
		assertThat(answers(response, Question.BACK_PAIN_AVERAGE.name())).singleElement()
			.satisfies((answer) -> assertThat(answer.getValueIntegerType().getValue()).isEqualTo(2));
		assertThat(answers(response, Question.CHANGE_SINCE_LAST_CHECK.name())).as("not a follow-up: no item").isEmpty();
		assertThat(errors(export.body().replace("|3\"", "|2\""))).as("version 2 did not ask the pain on average")
			.isNotEmpty();
		assertThat(response.getItem()
			.stream()
			.filter((item) -> item.getLinkId().equals("result"))
			.flatMap((item) -> item.getItem().stream())
			.filter((item) -> item.getLinkId().equals("result.referral"))
			.findFirst()
			.orElseThrow()
			.getAnswerFirstRep()
			.getValueCoding()
			.getVersion()).as("its tier as rules version 2 means it").isEqualTo("2");
		for (Question<Boolean> question : Question.SAFETY_CHECK) {
			assertThat(answers(response, question.name())).as("an explicit no")
				.singleElement()
				.satisfies((answer) -> assertThat(answer.getValueBooleanType().getValue()).isFalse());
		}
		assertThat(answers(response, Question.SYMPTOMS.name())).as("none of them, not left out")
			.singleElement()
			.satisfies((answer) -> assertThat(answer.getValueCoding().getCode()).isEqualTo("NONE"));
		assertThat(answers(response, Question.HEIGHT_CM.name())).as("not answered: no item").isEmpty();
		assertThat(export.body()).contains("\"resourceType\": \"QuestionnaireResponse\"", "\"status\": \"completed\"",
				"\"linkId\": \"" + Question.LONGEST_RUN_KM.name() + "\"", "\"valueDecimal\": 15\n",
				"\"code\": \"PREVIOUS_SCIATICA\"", "\"code\": \"ROUTINE\"");
	}

	/**
	 * A follow-up's answer to how the client is since their last check is a coding of the
	 * Questionnaire's own code system, and validates.
	 */
	@Test
	void aFollowUpExportsHowTheClientIsSinceTheLastCheckValidly() {
		ShareLink link = this.share.create(this.account, "Clinic", null, 30);
		Answers answers = ShareFlowContract.runnerFixture()
			.with(Question.CHANGE_SINCE_LAST_CHECK, ChangeSinceLastCheck.MUCH_WORSE)
			.answers();
		this.share.submit(link, new CheckOutcome.Assessed(answers, this.rules.assess(answers)), null);
		String id = this.jdbc.queryForObject("select public_id from submission", String.class);
		String export = this.physio.get("/clinic/submissions/" + id + "/fhir").body();
		assertThat(errors(export)).isEmpty();
		QuestionnaireResponse response = this.fhir.newJsonParser().parseResource(QuestionnaireResponse.class, export);
		assertThat(answers(response, Question.CHANGE_SINCE_LAST_CHECK.name())).singleElement().satisfies((answer) -> {
			assertThat(answer.getValueCoding().getCode()).isEqualTo("MUCH_WORSE");
			assertThat(answer.getValueCoding().getDisplay()).isEqualTo("Much worse");
			assertThat(answer.getValueCoding().getSystem()).endsWith("/fhir/CodeSystem/changeSinceLastCheck");
		});
		assertThat(errors(export.replace("\"MUCH_WORSE\"", "\"WORSE_THAN_EVER\""))).isNotEmpty();
	}

	/**
	 * Results stored before the follow-up questions (stored form 3) refer to version 2,
	 * which did not ask them, and validate against it.
	 */
	@Test
	void storedFormThreeSubmissionsValidateAgainstVersionTwo() {
		ShareLink link = this.share.create(this.account, "Clinic", null, 30);
		JsonNode three = StoredFormVersionOneTests.rows("/share/stored-form-v3.json");
		StoredFormVersionThreeTests.insert(this.jdbc, three, link.id(), "complete", "2026-12-20T10:00:00Z");
		StoredFormVersionThreeTests.insert(this.jdbc, three, link.id(), "stoppedAtSafety", "2026-12-20T10:01:00Z");
		List<String> ids = this.jdbc.queryForList("select public_id from submission order by id", String.class);
		for (String id : ids) {
			String export = this.physio.get("/clinic/submissions/" + id + "/fhir").body();
			assertThat(export).contains(FhirExport.QUESTIONNAIRE_PATH + "|2\"")
				.doesNotContain(Question.LEG_PAIN_AVERAGE.name());
			assertThat(errors(export)).as("submission " + id).isEmpty();
		}
	}

	@Test
	void emergencyStoppedAtSafetyExportsTheSixAnswersValidly() {
		ShareLink link = this.share.create(this.account, "Clinic", null, 30);
		Map<Question<?>, Object> safety = new LinkedHashMap<>();
		Question.SAFETY_CHECK.forEach((question) -> safety.put(question, question == Question.SERIOUS_ACCIDENT));
		this.share.submit(link, new CheckOutcome.StoppedAtSafety(safety, List.of("referral.reason.seriousAccident")),
				null);
		String id = this.jdbc.queryForObject("select public_id from submission", String.class);
		String export = this.physio.get("/clinic/submissions/" + id + "/fhir").body();
		assertThat(errors(export)).isEmpty();
		QuestionnaireResponse response = this.fhir.newJsonParser().parseResource(QuestionnaireResponse.class, export);
		assertThat(response.getItem()).extracting((item) -> item.getLinkId())
			.containsExactlyElementsOf(
					Stream.concat(Question.SAFETY_CHECK.stream().map(Question::name), Stream.of("result")).toList());
		assertThat(export).doesNotContain("result.score");
	}

	/**
	 * Results scored under rules version 1 (stored forms 1 and 2) refer to Questionnaire
	 * version 1 and validate against it, and only against it: version 2 no longer offers
	 * their retired signs.
	 */
	@Test
	void rulesVersionOneSubmissionsValidateAgainstVersionOne() {
		ShareLink link = this.share.create(this.account, "Clinic", null, 30);
		JsonNode one = StoredFormVersionOneTests.rows("/share/stored-form-v1.json");
		JsonNode two = StoredFormVersionOneTests.rows("/share/stored-form-v2.json");
		StoredFormVersionOneTests.insert(this.jdbc, one, 1, link.id(), Tokens.generate(), "complete", true, "URGENT",
				"MODERATE", 40, "2026-11-26T10:00:00Z");
		StoredFormVersionOneTests.insert(this.jdbc, one, 1, link.id(), Tokens.generate(), "stoppedAtSafety", false,
				"EMERGENCY", null, null, "2026-11-26T10:01:00Z");
		StoredFormVersionOneTests.insert(this.jdbc, two, 2, link.id(), Tokens.generate(), "complete", true, "URGENT",
				"MODERATE", 40, "2026-11-26T10:02:00Z");
		StoredFormVersionOneTests.insert(this.jdbc, two, 2, link.id(), Tokens.generate(), "stoppedAtSafety", false,
				"EMERGENCY", null, null, "2026-11-26T10:03:00Z");
		List<String> ids = this.jdbc.queryForList("select public_id from submission order by id", String.class);
		assertThat(ids).hasSize(4);
		for (String id : ids) {
			String export = this.physio.get("/clinic/submissions/" + id + "/fhir").body();
			assertThat(export).contains(FhirExport.QUESTIONNAIRE_PATH + "|1\"");
			assertThat(errors(export)).as("submission " + id).isEmpty();
		}
		String withRetiredSign = this.physio.get("/clinic/submissions/" + ids.get(2) + "/fhir").body();
		assertThat(withRetiredSign).contains("\"code\": \"RECENT_TRAUMA\"");
		assertThat(errors(withRetiredSign.replace("|1\"", "|2\""))).as("version 2 does not offer RECENT_TRAUMA")
			.isNotEmpty();
	}

	private static List<QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent> answers(
			QuestionnaireResponse response, String linkId) {
		return response.getItem()
			.stream()
			.filter((item) -> item.getLinkId().equals(linkId))
			.flatMap((item) -> item.getAnswer().stream())
			.toList();
	}

	private static Questionnaire.QuestionnaireItemComponent item(Questionnaire questionnaire, String linkId) {
		return questionnaire.getItem()
			.stream()
			.filter((each) -> each.getLinkId().equals(linkId))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> options(Questionnaire questionnaire, String linkId) {
		Questionnaire.QuestionnaireItemComponent item = questionnaire.getItem()
			.stream()
			.filter((each) -> each.getLinkId().equals(linkId))
			.findFirst()
			.orElseThrow();
		if (linkId.equals("result")) {
			item = item.getItem().get(1);
		}
		return item.getAnswerOption().stream().map((option) -> option.getValueCoding().getCode()).toList();
	}

	private Questionnaire parse(String questionnaire) {
		return this.fhir.newJsonParser().parseResource(Questionnaire.class, questionnaire);
	}

	/** A link of the physio's account, and a client's answers shared through it. */
	private void createLinkWithSubmission(Map<String, String> answers) {
		ShareLink link = this.share.create(this.account, "Clinic", null, 30);
		Browserless client = new Browserless(this.port);
		String path = "/c/" + link.clientSecret();
		client.get(path + "/assessment");
		client.post(path + "/safety", ShareFlowContract.ALL_NO);
		Map<String, String> decision = new LinkedHashMap<>(answers);
		decision.put("share", "true");
		assertThat(client.post(path + "/consent", decision).status()).isEqualTo(302);
	}

	/**
	 * Validation messages of severity error or worse; every version of the app's
	 * questionnaire is known to the validator, as served.
	 */
	private List<String> errors(String resource) {
		return FhirValidation.errors(resource, new Browserless(this.port));
	}

}
