package com.sciaticacheck.share;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.sciaticacheck.support.Browserless;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HAPI FHIR's own R4 validator, for the exports' tests: it knows every version of the
 * app's Questionnaire as the app serves it, so a QuestionnaireResponse is checked against
 * the version it names, alone or in a client's Bundle.
 */
final class FhirValidation {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	/**
	 * The app's questionnaire by canonical URL and version ({@code url|2}), as served.
	 */
	private static final Map<String, Questionnaire> knownQuestionnaires = new ConcurrentHashMap<>();

	private static FhirValidator validator;

	private FhirValidation() {
	}

	/**
	 * Validation messages of severity error or worse; every version of the app's
	 * questionnaire is read from the running app, as served, the first time.
	 */
	static List<String> errors(String resource, Browserless client) {
		// by canonical URL and version: the URL names the app's address, which each
		// running app may have its own of
		String current = client.get(FhirExport.QUESTIONNAIRE_PATH).body();
		String url = FHIR.newJsonParser().parseResource(Questionnaire.class, current).getUrl();
		if (!knownQuestionnaires.containsKey(url + "|" + QuestionnaireVersion.CURRENT.version())) {
			for (QuestionnaireVersion version : QuestionnaireVersion.values()) {
				Questionnaire questionnaire = FHIR.newJsonParser()
					.parseResource(Questionnaire.class,
							client.get(FhirExport.QUESTIONNAIRE_PATH + "/_history/" + version.version()).body());
				knownQuestionnaires.put(questionnaire.getUrl() + "|" + questionnaire.getVersion(), questionnaire);
			}
		}
		List<SingleValidationMessage> messages = validator().validateWithResult(resource).getMessages();
		messages.forEach((message) -> System.out.println("FHIR validation " + message.getSeverity() + ": "
				+ message.getLocationString() + " " + message.getMessage()));
		assertThat(messages).as("the questionnaire response was checked against its questionnaire")
			.noneMatch((message) -> message.getMessage().contains("could not be resolved")
					|| message.getMessage().contains("Unable to find"));
		return messages.stream()
			.filter((message) -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.map((message) -> message.getLocationString() + " " + message.getMessage())
			.toList();
	}

	/** Building the validator takes seconds: once for the test run. */
	private static synchronized FhirValidator validator() {
		if (validator == null) {
			// hands the validator the app's questionnaire when a response refers to it
			IValidationSupport known = new IValidationSupport() {

				@Override
				public FhirContext getFhirContext() {
					return FHIR;
				}

				@Override
				@SuppressWarnings("unchecked")
				public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
					if (url == null || (type != null && !type.isAssignableFrom(Questionnaire.class))) {
						return null;
					}
					// a canonical reference: url|version, or the url alone for the newest
					String canonical = url.contains("|") ? url : url + "|" + QuestionnaireVersion.CURRENT.version();
					return (T) knownQuestionnaires.get(canonical);
				}

			};
			ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
					new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR),
					known);
			validator = FHIR.newValidator();
			validator.registerValidatorModule(new FhirInstanceValidator(chain));
		}
		return validator;
	}

}
