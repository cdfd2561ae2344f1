package com.sciaticacheck.api;

import java.util.Locale;

import com.sciaticacheck.rules.RulesService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The self-check as a JSON API, version 2: the same rules service as the pages, nothing
 * stored.
 */
@RestController
@RequestMapping(path = AssessmentApiController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class AssessmentApiController {

	static final String PATH = "/api/v2";

	private final RulesService rules;

	private final MessageSource messages;

	private final AnswersJsonReader reader;

	AssessmentApiController(RulesService rules, MessageSource messages, AnswersJsonReader reader) {
		this.rules = rules;
		this.messages = messages;
		this.reader = reader;
	}

	@Operation(summary = "Score a runner's risk factors and decide whether, and how soon, to see a professional")
	@PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
	AssessmentResponse assess(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = AssessmentRequest.class))) @RequestBody JsonNode body,
			Locale locale) {
		return AssessmentResponse.of(this.rules.assess(this.reader.read(body)), this.messages, locale);
	}

	@Operation(summary = "The rule table and tier rules the service runs, with its version")
	@GetMapping("/rules")
	RuleTableResponse rules(Locale locale) {
		return RuleTableResponse.of(this.rules, this.messages, locale);
	}

}
