package com.sciaticacheck.share;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;

import ca.uhn.fhir.context.FhirContext;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * FHIR R4 exports built with HAPI FHIR: the {@code Questionnaire} in each of its versions
 * (the questions each rules version asked), and one submission as a
 * {@code QuestionnaireResponse} that refers to the version its client answered. Item
 * linkIds are the assessment API's field names (a safety question's is its
 * {@code safetyCheck.} name); the result is a read-only group.
 */
@Component
class FhirExport {

	static final String QUESTIONNAIRE_PATH = "/fhir/Questionnaire/runners-sciatica-check";

	/** One version of the Questionnaire, as a FHIR server serves a version of it. */
	static final String QUESTIONNAIRE_VERSION_PATH = QUESTIONNAIRE_PATH + "/_history/{version}";

	// building the FHIR context takes a second or two: only when first exported
	private final SingletonSupplier<FhirContext> fhir = SingletonSupplier.of(FhirContext::forR4Cached);

	private final MessageSource messages;

	private final LinkAddresses addresses;

	FhirExport(MessageSource messages, LinkAddresses addresses) {
		this.messages = messages;
		this.addresses = addresses;
	}

	String questionnaireJson(QuestionnaireVersion version) {
		return json(questionnaire(version));
	}

	/**
	 * The Questionnaire as one version asked it; its {@code version} is also its
	 * {@code meta.versionId}, so {@code _history/1} and {@code url|1} name the same.
	 */
	Questionnaire questionnaire(QuestionnaireVersion version) {
		Questionnaire questionnaire = new Questionnaire();
		questionnaire.setIdElement(new IdType("Questionnaire", "runners-sciatica-check", version.version()));
		questionnaire.setUrl(canonicalUrl());
		questionnaire.setVersion(version.version());
		questionnaire.setName("RunnersSciaticaCheck");
		questionnaire.setTitle(text("app.name"));
		questionnaire.setStatus(
				(version == QuestionnaireVersion.CURRENT) ? PublicationStatus.ACTIVE : PublicationStatus.RETIRED);
		questionnaire.setDescription(
				text("fhir.questionnaire.description") + " " + text("fhir.questionnaire.version." + version.version()));
		for (QuestionnaireVersion.Item asked : version.items()) {
			Question<?> question = asked.question();
			QuestionnaireItemComponent item = questionnaire.addItem()
				.setLinkId(question.name())
				.setText(text(question.summaryLabelKey()));
			question.code().ifPresent((code) -> item.addCode(new Coding(code.system(), code.code(), code.display())));
			switch (question.kind()) {
				case WHOLE_NUMBER -> item.setType(QuestionnaireItemType.INTEGER);
				case NUMBER, DISTANCE -> item.setType(QuestionnaireItemType.DECIMAL);
				case YES_NO -> item.setType(QuestionnaireItemType.BOOLEAN);
				case ONE_OF, ANY_OF -> {
					item.setType(QuestionnaireItemType.CHOICE).setRepeats(question.kind() == Question.Kind.ANY_OF);
					for (String option : asked.options()) {
						item.addAnswerOption().setValue(coding(question, option));
					}
					if (question.kind() == Question.Kind.ANY_OF) {
						// none of them is an answer too, unlike a question not asked
						item.addAnswerOption().setValue(coding(question, SubmissionExports.NONE_SELECTED));
					}
				}
			}
		}
		QuestionnaireItemComponent result = questionnaire.addItem()
			.setLinkId("result")
			.setText(text("fhir.result"))
			.setType(QuestionnaireItemType.GROUP);
		result.addItem()
			.setLinkId("result.rulesVersion")
			.setText(text("fhir.result.rulesVersion"))
			.setType(QuestionnaireItemType.STRING)
			.setReadOnly(true);
		QuestionnaireItemComponent referral = result.addItem()
			.setLinkId("result.referral")
			.setText(text("fhir.result.referral"))
			.setType(QuestionnaireItemType.CHOICE)
			.setReadOnly(true);
		for (Referral tier : version.tiers()) {
			referral.addAnswerOption().setValue(referralCoding(version, tier));
		}
		QuestionnaireItemComponent level = result.addItem()
			.setLinkId("result.level")
			.setText(text("fhir.result.level"))
			.setType(QuestionnaireItemType.CHOICE)
			.setReadOnly(true);
		for (RiskLevel band : RiskLevel.values()) {
			level.addAnswerOption().setValue(levelCoding(band));
		}
		result.addItem()
			.setLinkId("result.score")
			.setText(text("fhir.result.score"))
			.setType(QuestionnaireItemType.INTEGER)
			.setReadOnly(true);
		return questionnaire;
	}

	/**
	 * A submission against the Questionnaire version its client answered, with the result
	 * as scored then: every answer given (each "no" included, an empty list as "none of
	 * these"), and no item for a question not asked.
	 */
	String questionnaireResponse(Submission submission, CheckOutcome outcome) {
		return json(questionnaireResponseResource(submission, outcome));
	}

	/** The submission's QuestionnaireResponse, for a bundle of a client's checks. */
	QuestionnaireResponse questionnaireResponseResource(Submission submission, CheckOutcome outcome) {
		QuestionnaireVersion version = QuestionnaireVersion.of(submission);
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setId("submission-" + submission.publicId());
		response.setQuestionnaire(canonicalUrl() + "|" + version.version());
		response.setStatus(QuestionnaireResponseStatus.COMPLETED);
		response.setAuthored(Date.from(submission.submittedAt()));
		for (QuestionnaireVersion.Item asked : version.items()) {
			Question<?> question = asked.question();
			Object answer = outcome.answers().get(question);
			if (answer == null) {
				continue;
			}
			QuestionnaireResponseItemComponent item = response.addItem()
				.setLinkId(question.name())
				.setText(text(question.summaryLabelKey()));
			if (answer instanceof Collection<?> many && many.isEmpty()) {
				item.addAnswer().setValue(coding(question, SubmissionExports.NONE_SELECTED));
			}
			for (String value : question.texts(answer)) {
				item.addAnswer().setValue(value(question, value));
			}
		}
		QuestionnaireResponseItemComponent result = response.addItem().setLinkId("result").setText(text("fhir.result"));
		result.addItem()
			.setLinkId("result.rulesVersion")
			.setText(text("fhir.result.rulesVersion"))
			.addAnswer()
			.setValue(new StringType(submission.rulesVersion()));
		result.addItem()
			.setLinkId("result.referral")
			.setText(text("fhir.result.referral"))
			.addAnswer()
			.setValue(referralCoding(version, outcome.referral()));
		if (outcome instanceof CheckOutcome.Assessed assessed) {
			Assessment assessment = assessed.assessment();
			result.addItem()
				.setLinkId("result.level")
				.setText(text("fhir.result.level"))
				.addAnswer()
				.setValue(levelCoding(assessment.level()));
			result.addItem()
				.setLinkId("result.score")
				.setText(text("fhir.result.score"))
				.addAnswer()
				.setValue(new IntegerType(assessment.score()));
		}
		return response;
	}

	private Type value(Question<?> question, String value) {
		return switch (question.kind()) {
			case WHOLE_NUMBER -> new IntegerType(Integer.parseInt(value));
			case NUMBER, DISTANCE -> new DecimalType(new BigDecimal(value));
			case YES_NO -> new BooleanType(Boolean.parseBoolean(value));
			case ONE_OF, ANY_OF -> coding(question, value);
		};
	}

	private Coding coding(Question<?> question, String code) {
		String key = code.equals(SubmissionExports.NONE_SELECTED) ? "fhir.answer.none"
				: question.optionKeyPrefix() + "." + code;
		return new Coding(codeSystem(question.name()), code, this.messages.getMessage(key, null, code, Locale.ENGLISH));
	}

	/**
	 * A tier, in the code system's version of the rules that decided it: URGENT meant
	 * "this week" under rules version 1 and means "today" under version 2, whichever
	 * version of the questions version 2 scored.
	 */
	private Coding referralCoding(QuestionnaireVersion version, Referral tier) {
		String display = (version == QuestionnaireVersion.V1) ? text("fhir.referral.rulesVersionOne." + tier)
				: text("result.referral." + tier + ".title");
		return new Coding(codeSystem("referral"), tier.name(), display).setVersion(version.rules());
	}

	private Coding levelCoding(RiskLevel band) {
		return new Coding(codeSystem("level"), band.name(), text("result.level." + band));
	}

	String codeSystem(String name) {
		return this.addresses.baseUrl() + "/fhir/CodeSystem/" + name;
	}

	String canonicalUrl() {
		return this.addresses.baseUrl() + QUESTIONNAIRE_PATH;
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.ENGLISH);
	}

	String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
		return this.fhir.obtain().newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
	}

}
