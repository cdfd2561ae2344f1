package com.sciaticacheck.api;

import java.util.Locale;

import com.sciaticacheck.rules.RulesService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The self-check as a JSON API: the same rules service as the pages, nothing stored. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AssessmentApiController {

	private final RulesService rules;

	private final MessageSource messages;

	AssessmentApiController(RulesService rules, MessageSource messages) {
		this.rules = rules;
		this.messages = messages;
	}

	@Operation(summary = "Score a runner's answers and decide whether to see a professional")
	@PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
	AssessmentResponse assess(@Valid @RequestBody AssessmentRequest request, Locale locale) {
		return AssessmentResponse.of(this.rules.assess(request.toAnswers()), this.messages, locale);
	}

	@Operation(summary = "The rule table the service runs, with its version")
	@GetMapping("/rules")
	RuleTableResponse rules(Locale locale) {
		return RuleTableResponse.of(this.rules.table(), this.messages, locale);
	}

}
