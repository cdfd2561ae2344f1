package com.sciaticacheck.share;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Locale;
import java.util.List;

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
 * FHIR R4 exports built with HAPI FHIR: the {@code Questionnaire} for the current
 * questions, and one submission as a {@code QuestionnaireResponse} that refers to it.
 * Item linkIds are the assessment API's field names; the result is a read-only group.
 */
@Component
class FhirExport {

	/** Changes when the questions change (not when only the rule table does). */
	static final String QUESTIONNAIRE_VERSION = "2026-11-26";

	static final String QUESTIONNAIRE_PATH = "/fhir/Questionnaire/runners-sciatica-check";

	// building the FHIR context takes a second or two: only when first exported
	private final SingletonSupplier<FhirContext> fhir = SingletonSupplier.of(FhirContext::forR4Cached);

	private final MessageSource messages;

	private final LinkAddresses addresses;

	FhirExport(MessageSource messages, LinkAddresses addresses) {
		this.messages = messages;
		this.addresses = addresses;
	}

	String questionnaireJson() {
		return json(questionnaire());
	}

	Questionnaire questionnaire() {
		Questionnaire questionnaire = new Questionnaire();
		questionnaire.setId("runners-sciatica-check");
		questionnaire.setUrl(canonicalUrl());
		questionnaire.setVersion(QUESTIONNAIRE_VERSION);
		questionnaire.setName("RunnersSciaticaCheck");
		questionnaire.setTitle(text("app.name"));
		questionnaire.setStatus(PublicationStatus.ACTIVE);
		questionnaire.setDescription(text("fhir.questionnaire.description"));
		for (Question<?> question : Question.ALL) {
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
					for (String option : question.options()) {
						item.addAnswerOption().setValue(coding(question, option));
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
		for (Referral tier : Referral.values()) {
			referral.addAnswerOption().setValue(resultCoding("referral", tier.name()));
		}
		QuestionnaireItemComponent level = result.addItem()
			.setLinkId("result.level")
			.setText(text("fhir.result.level"))
			.setType(QuestionnaireItemType.CHOICE)
			.setReadOnly(true);
		for (RiskLevel band : RiskLevel.values()) {
			level.addAnswerOption().setValue(resultCoding("level", band.name()));
		}
		result.addItem()
			.setLinkId("result.score")
			.setText(text("fhir.result.score"))
			.setType(QuestionnaireItemType.INTEGER)
			.setReadOnly(true);
		return questionnaire;
	}

	String questionnaireResponse(Submission submission, CheckOutcome outcome) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setId("submission-" + submission.id());
		// the plain canonical URL: validators resolve it more reliably than url|version
		response.setQuestionnaire(canonicalUrl());
		response.setStatus(QuestionnaireResponseStatus.COMPLETED);
		response.setAuthored(Date.from(submission.submittedAt()));
		for (Question<?> question : Question.ALL) {
			List<String> values = question.texts(outcome.answers().get(question));
			if (values.isEmpty()) {
				continue;
			}
			QuestionnaireResponseItemComponent item = response.addItem()
				.setLinkId(question.name())
				.setText(text(question.summaryLabelKey()));
			for (String value : values) {
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
			.setValue(resultCoding("referral", outcome.referral().name()));
		if (outcome instanceof CheckOutcome.Assessed assessed) {
			Assessment assessment = assessed.assessment();
			result.addItem()
				.setLinkId("result.level")
				.setText(text("fhir.result.level"))
				.addAnswer()
				.setValue(resultCoding("level", assessment.level().name()));
			result.addItem()
				.setLinkId("result.score")
				.setText(text("fhir.result.score"))
				.addAnswer()
				.setValue(new IntegerType(assessment.score()));
		}
		return json(response);
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
		return new Coding(codeSystem(question.name()), code,
				this.messages.getMessage(question.optionKeyPrefix() + "." + code, null, code, Locale.ENGLISH));
	}

	private Coding resultCoding(String name, String code) {
		String display = name.equals("level") ? text("result.level." + code)
				: text("result.referral." + code + ".title");
		return new Coding(codeSystem(name), code, display);
	}

	private String codeSystem(String name) {
		return this.addresses.baseUrl() + "/fhir/CodeSystem/" + name;
	}

	String canonicalUrl() {
		return this.addresses.baseUrl() + QUESTIONNAIRE_PATH;
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.ENGLISH);
	}

	private String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
		return this.fhir.obtain().newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
	}

}
