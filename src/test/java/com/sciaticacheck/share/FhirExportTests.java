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
import com.sciaticacheck.rules.Question;
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
 * The FHIR exports, checked by HAPI FHIR's own R4 validator: both versions of the
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
	void bothQuestionnaireVersionsAreValidFhirUnderOneCanonical() {
		Browserless client = new Browserless(this.port);
		String current = client.get(FhirExport.QUESTIONNAIRE_PATH).body();
		assertThat(client.get(FhirExport.QUESTIONNAIRE_PATH + "/_history/2").body()).isEqualTo(current);
		String first = client.get(FhirExport.QUESTIONNAIRE_PATH + "/_history/1").body();
		assertThat(client.get(FhirExport.QUESTIONNAIRE_PATH + "/_history/3").status()).isEqualTo(404);
		assertThat(errors(current)).isEmpty();
		assertThat(errors(first)).isEmpty();

		Questionnaire two = parse(current);
		Questionnaire one = parse(first);
		assertThat(two.getUrl()).isEqualTo(one.getUrl()).endsWith(FhirExport.QUESTIONNAIRE_PATH);
		assertThat(List.of(one.getVersion(), two.getVersion())).containsExactly("1", "2");
		assertThat(two.getItem()).extracting((item) -> item.getLinkId())
			.containsExactlyElementsOf(
					Stream.concat(Question.ALL.stream().map(Question::name), Stream.of("result")).toList());
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
		assertThat(options(one, "result")).containsExactly("NONE", "ROUTINE", "URGENT", "EMERGENCY");
		assertThat(options(two, "result")).containsExactly("NONE", "ROUTINE", "SOON", "URGENT", "EMERGENCY");
		assertThat(two.getItemFirstRep().getCode()).isEmpty();
		assertThat(two.getItem().get(6).getCode()).as("a LOINC code where one fits")
			.singleElement()
			.satisfies((code) -> assertThat(code.getSystem()).isEqualTo("http://loinc.org"));
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
	void submissionExportsAsAValidQuestionnaireResponseToVersionTwo() {
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
		assertThat(response.getQuestionnaire()).endsWith(FhirExport.QUESTIONNAIRE_PATH + "|2");
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
