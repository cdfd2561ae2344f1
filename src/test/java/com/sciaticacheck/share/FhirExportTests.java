package com.sciaticacheck.share;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.support.Browserless;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR exports, checked by HAPI FHIR's own R4 validator: the Questionnaire the app
 * serves, and a submission's QuestionnaireResponse validated against it.
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

	@BeforeEach
	void cleanStart() {
		this.jdbc.update("delete from submission");
		this.jdbc.update("delete from share_link");
	}

	@Test
	void questionnaireIsValidFhir() {
		String questionnaire = new Browserless(this.port).get(FhirExport.QUESTIONNAIRE_PATH).body();
		assertThat(errors(questionnaire, null)).isEmpty();
		Questionnaire parsed = this.fhir.newJsonParser().parseResource(Questionnaire.class, questionnaire);
		assertThat(parsed.getItem()).extracting((item) -> item.getLinkId())
			.containsExactlyElementsOf(
					Stream.concat(Question.ALL.stream().map(Question::name), Stream.of("result")).toList());
		assertThat(parsed.getItem().get(0).getCode()).as("a LOINC code where one fits")
			.singleElement()
			.satisfies((code) -> assertThat(code.getSystem()).isEqualTo("http://loinc.org"));
	}

	@Test
	void submissionExportsAsAValidQuestionnaireResponse() {
		Browserless physio = new Browserless(this.port);
		String dashboard = createLinkWithSubmission(physio, ShareFlowContract.runner());
		String detail = physio.get(dashboard).document().selectFirst("tbody a").attr("href");
		Browserless.Page export = physio.get(detail + "/fhir");
		assertThat(export.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/fhir+json"));
		String questionnaire = physio.get(FhirExport.QUESTIONNAIRE_PATH).body();
		assertThat(errors(export.body(), questionnaire)).isEmpty();
		assertThat(errors(export.body().replace("\"PREVIOUS_SCIATICA\"", "\"NOT_AN_OPTION\""), questionnaire))
			.as("the validator checks answers against the questionnaire's options")
			.isNotEmpty();
		assertThat(export.body()).contains("\"resourceType\": \"QuestionnaireResponse\"", "\"status\": \"completed\"",
				"\"linkId\": \"" + Question.LONGEST_RUN_KM.name() + "\"", "\"valueDecimal\": 15\n",
				"\"code\": \"PREVIOUS_SCIATICA\"", "\"code\": \"ROUTINE\"");
	}

	@Test
	void emergencyStoppedAtSafetyExportsValidlyToo() {
		Browserless physio = new Browserless(this.port);
		ShareService.CreatedLink created = this.share.create("Clinic", null, 30);
		ShareLink link = created.link();
		CheckOutcome stopped = new CheckOutcome.StoppedAtSafety(
				Map.of(Question.WARNING_SIGNS, Set.of(WarningSign.SADDLE_NUMBNESS), Question.PAIN, Pain.NONE),
				List.of("referral.reason.SADDLE_NUMBNESS"));
		this.share.submit(link, stopped, null);
		Long id = this.jdbc.queryForObject("select id from submission", Long.class);
		String export = physio.get("/clinic/" + created.dashboardSecret() + "/submissions/" + id + "/fhir").body();
		String questionnaire = physio.get(FhirExport.QUESTIONNAIRE_PATH).body();
		assertThat(errors(export, questionnaire)).isEmpty();
		assertThat(export).doesNotContain("result.score");
	}

	private String createLinkWithSubmission(Browserless physio, Map<String, String> answers) {
		ShareService.CreatedLink created = this.share.create("Clinic", null, 30);
		Browserless client = new Browserless(this.port);
		String path = "/c/" + created.clientSecret();
		client.get(path + "/assessment");
		client.post(path + "/safety", ShareFlowContract.ALL_NO);
		Map<String, String> decision = new java.util.LinkedHashMap<>(answers);
		decision.put("share", "true");
		assertThat(client.post(path + "/consent", decision).status()).isEqualTo(302);
		return "/clinic/" + created.dashboardSecret();
	}

	/**
	 * Validation messages of severity error or worse, the questionnaire known to the
	 * validator.
	 */
	private List<String> errors(String resource, String questionnaire) {
		knownQuestionnaire = (questionnaire != null)
				? this.fhir.newJsonParser().parseResource(Questionnaire.class, questionnaire) : null;
		List<SingleValidationMessage> messages = validator().validateWithResult(resource).getMessages();
		messages.forEach((message) -> System.out.println("FHIR validation " + message.getSeverity() + ": "
				+ message.getLocationString() + " " + message.getMessage()));
		assertThat(messages).as("the questionnaire response was checked against its questionnaire")
			.noneMatch((message) -> message.getMessage().contains("could not be resolved"));
		return messages.stream()
			.filter((message) -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.map((message) -> message.getLocationString() + " " + message.getMessage())
			.toList();
	}

	private static volatile Questionnaire knownQuestionnaire;

	private static FhirValidator validator;

	/** Building the validator takes seconds: once for the class. */
	private synchronized FhirValidator validator() {
		if (validator == null) {
			FhirContext context = this.fhir;
			// hands the validator the app's questionnaire when a response refers to it
			IValidationSupport known = new IValidationSupport() {

				@Override
				public FhirContext getFhirContext() {
					return context;
				}

				@Override
				@SuppressWarnings("unchecked")
				public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
					Questionnaire questionnaire = knownQuestionnaire;
					boolean wanted = questionnaire != null && url != null && url.startsWith(questionnaire.getUrl())
							&& (type == null || type.isInstance(questionnaire));
					return wanted ? (T) questionnaire : null;
				}

			};
			ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
					new InMemoryTerminologyServerValidationSupport(context),
					new CommonCodeSystemsTerminologyService(context), known);
			validator = context.newValidator();
			validator.registerValidatorModule(new FhirInstanceValidator(chain));
		}
		return validator;
	}

}
