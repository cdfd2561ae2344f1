package com.sciaticacheck.share;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import com.sciaticacheck.rules.Finding;
import com.sciaticacheck.rules.Question;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A client's timeline for other systems: a CSV with one row a check, and a FHIR R4 Bundle
 * (type collection) of their QuestionnaireResponses, each as the single export gives it,
 * with an Observation for each pain score.
 *
 * <p>
 * The pain scores are coded with LOINC 72514-3, "Pain severity - 0-10 verbal numeric
 * rating [Score] - Reported": the client gives a whole number from 0 to 10 for how bad
 * the pain is, which is what that code means, and it is the code other FHIR systems read
 * as a 0-10 pain score. It has no body site and no time frame, so the Observation adds
 * them: {@code bodySite} (SNOMED CT 61685007 "Lower limb structure" for leg pain,
 * 37822005 "Lower back structure" for back pain) and the words "on average over the last
 * week" in its code's text. No LOINC code we know of says "average over the last week"
 * for a 0-10 rating of the leg or the back alone, so none is claimed.
 */
@Component
class ClientExports {

	private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

	static final String LOINC = "http://loinc.org";

	static final String PAIN_SEVERITY_NRS = "72514-3";

	static final String SNOMED = "http://snomed.info/sct";

	private final FhirExport fhir;

	private final ShareService share;

	private final MessageSource messages;

	ClientExports(FhirExport fhir, ShareService share, MessageSource messages) {
		this.fhir = fhir;
		this.share = share;
		this.messages = messages;
	}

	/**
	 * One row a check, oldest first: when, the submission's id, the tier and what it
	 * meant, the score, both pain scores, the four load figures (km) and the rule ids of
	 * the risk factors found ({@code ;} between them). A figure the check has not is an
	 * empty cell.
	 */
	String csv(ClientTimeline timeline) {
		Locale locale = LocaleContextHolder.getLocale();
		List<List<String>> rows = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("submittedAt", "submissionId", "referral", "referralMeaning",
				"score", ClientTimelines.LEG_PAIN_AVERAGE, ClientTimelines.BACK_PAIN_AVERAGE));
		ClientTimeline.LOAD.forEach((question) -> header.add(question.name()));
		header.add("riskFactors");
		rows.add(header);
		for (ClientTimeline.Check check : timeline.checks()) {
			Submission submission = check.submission();
			List<String> row = new ArrayList<>(List.of(CSV_TIME.format(submission.submittedAt()), submission.publicId(),
					submission.referral().name(), this.messages.getMessage(submission.tierKey(), null, locale),
					text(check.score()), text(check.legPain()), text(check.backPain())));
			for (Question<Double> question : ClientTimeline.LOAD) {
				Double km = check.load().get(question);
				row.add((km != null) ? question.texts(km).get(0) : "");
			}
			row.add(check.findings().stream().map(Finding::ruleId).distinct().collect(Collectors.joining(";")));
			rows.add(row);
		}
		return rows.stream()
			.map((row) -> row.stream().map(SubmissionExports::cell).collect(Collectors.joining(",")))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
	}

	/**
	 * The client (a Patient known only by the app's id for them and the clinic's own
	 * label), each check's QuestionnaireResponse, and an Observation a pain score,
	 * derived from its check's response.
	 */
	String fhirBundle(Client client, ClientTimeline timeline) {
		Bundle bundle = new Bundle();
		bundle.setId("client-" + client.publicId());
		bundle.setType(Bundle.BundleType.COLLECTION);
		bundle.setTimestamp(Date.from(this.share.now()));
		bundle.setIdentifier(new Identifier().setSystem(this.fhir.codeSystem("client")).setValue(client.publicId()));
		Patient patient = new Patient();
		patient.setId("client-" + client.publicId());
		patient.addIdentifier().setSystem(this.fhir.codeSystem("client")).setValue(client.publicId());
		patient.addIdentifier()
			.setType(new CodeableConcept().setText(text("fhir.client.label")))
			.setValue(client.label());
		Reference subject = add(bundle, patient, "client-" + client.publicId());
		for (ClientTimeline.Check check : timeline.checks()) {
			Submission submission = check.submission();
			QuestionnaireResponse response = this.fhir.questionnaireResponseResource(submission,
					this.share.outcome(submission));
			response.setSubject(subject);
			Reference derivedFrom = add(bundle, response, "submission-" + submission.publicId());
			if (check.legPain() != null) {
				add(bundle, painObservation(submission, check.legPain(), "leg", subject, derivedFrom),
						"leg-pain-" + submission.publicId());
			}
			if (check.backPain() != null) {
				add(bundle, painObservation(submission, check.backPain(), "back", subject, derivedFrom),
						"back-pain-" + submission.publicId());
			}
		}
		return this.fhir.json(bundle);
	}

	private Observation painObservation(Submission submission, int score, String where, Reference subject,
			Reference derivedFrom) {
		Observation observation = new Observation();
		observation.setId(where + "-pain-" + submission.publicId());
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory()
			.addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey"));
		observation.setCode(new CodeableConcept()
			.addCoding(new Coding(LOINC, PAIN_SEVERITY_NRS,
					"Pain severity - 0-10 verbal numeric rating [Score] - Reported"))
			.setText(text("fhir.pain." + where)));
		observation.setBodySite(where.equals("leg")
				? new CodeableConcept().addCoding(new Coding(SNOMED, "61685007", "Lower limb structure"))
				: new CodeableConcept().addCoding(new Coding(SNOMED, "37822005", "Lower back structure")));
		observation.setSubject(subject);
		observation.setEffective(new DateTimeType(Date.from(submission.submittedAt())));
		observation.setValue(new IntegerType(score));
		observation.addDerivedFrom(derivedFrom);
		return observation;
	}

	/** Adds the resource under a stable urn:uuid, and returns a reference to it. */
	private static Reference add(Bundle bundle, Resource resource, String name) {
		String fullUrl = "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
		bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
		return new Reference(fullUrl);
	}

	private static String text(Integer value) {
		return (value != null) ? value.toString() : "";
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.ENGLISH);
	}

}
