package com.sciaticacheck.api;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Version 1 of the assessment API answers 410 Gone, naming its version 2 path: its rules
 * could under-triage, and a client that skipped the safety questions got "no referral".
 * Any method, so an old client learns why whatever it sends.
 */
@RestController
class RetiredApiController {

	private final MessageSource messages;

	RetiredApiController(MessageSource messages) {
		this.messages = messages;
	}

	@Operation(summary = "Retired: use POST /api/v2/assessments",
			responses = @ApiResponse(responseCode = "410", description = "Gone: the problem names the version 2 path",
					content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							schema = @Schema(ref = ApiDescription.PROBLEM_REF))))
	@RequestMapping("/api/v1/assessments")
	ResponseEntity<ProblemDetail> assessments(Locale locale) {
		return gone(AssessmentApiController.PATH + "/assessments", locale);
	}

	@Operation(summary = "Retired: use GET /api/v2/rules",
			responses = @ApiResponse(responseCode = "410", description = "Gone: the problem names the version 2 path",
					content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							schema = @Schema(ref = ApiDescription.PROBLEM_REF))))
	@RequestMapping("/api/v1/rules")
	ResponseEntity<ProblemDetail> rules(Locale locale) {
		return gone(AssessmentApiController.PATH + "/rules", locale);
	}

	private ResponseEntity<ProblemDetail> gone(String replacement, Locale locale) {
		return ResponseEntity.status(HttpStatus.GONE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(gone(replacement, this.messages, locale));
	}

	/** The problem a retired path answers, naming the path that replaces it. */
	static ProblemDetail gone(String replacement, MessageSource messages, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
				messages.getMessage("problem.gone.detail", new Object[] { replacement }, locale));
		problem.setTitle(messages.getMessage("problem.gone.title", null, locale));
		problem.setProperty("replacedBy", replacement);
		return problem;
	}

}
