package com.sciaticacheck.share;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public FHIR Questionnaire that exported submissions refer to: the current version
 * at its address, and each version under {@code _history}, as a FHIR server serves them.
 */
@RestController
class FhirController {

	private static final String FHIR_JSON = "application/fhir+json";

	private final FhirExport fhir;

	FhirController(FhirExport fhir) {
		this.fhir = fhir;
	}

	@GetMapping(path = FhirExport.QUESTIONNAIRE_PATH, produces = FHIR_JSON)
	String questionnaire() {
		return this.fhir.questionnaireJson(QuestionnaireVersion.CURRENT);
	}

	@GetMapping(path = FhirExport.QUESTIONNAIRE_VERSION_PATH, produces = FHIR_JSON)
	ResponseEntity<String> questionnaire(@PathVariable String version) {
		return QuestionnaireVersion.named(version)
			.map((known) -> ResponseEntity.ok(this.fhir.questionnaireJson(known)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
