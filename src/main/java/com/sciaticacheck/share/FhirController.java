package com.sciaticacheck.share;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public FHIR Questionnaire that exported submissions refer to. */
@RestController
class FhirController {

	private final FhirExport fhir;

	FhirController(FhirExport fhir) {
		this.fhir = fhir;
	}

	@GetMapping(path = FhirExport.QUESTIONNAIRE_PATH, produces = "application/fhir+json")
	String questionnaire() {
		return this.fhir.questionnaireJson();
	}

}
