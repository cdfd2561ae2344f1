package com.sciaticacheck.api;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Version 1 of the API answers 410 Gone, naming its version 2 path, whatever the method,
 * so an old client learns why whatever it sends. The assessment's rules could
 * under-triage, and a client that skipped the safety questions got "no referral". The
 * links API was opened by a link's dashboard secret; version 2 takes a personal access
 * token of the account the links belong to.
 */
@RestController
class RetiredApiController {

	static final String RETIRED_LINKS = "/api/v1/links";

	/** The old listing, named by a link's dashboard secret. */
	static final String RETIRED_LINK_SUBMISSIONS = RETIRED_LINKS + "/{secret}/submissions";

	/**
	 * The links API of version 2, in {@code share}: a path is the contract between them,
	 * not a dependency.
	 */
	static final String LINKS = AssessmentApiController.PATH + "/links";

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

	@Operation(summary = "Retired: use POST /api/v2/links with a personal access token",
			responses = @ApiResponse(responseCode = "410", description = "Gone: the problem names the version 2 path",
					content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							schema = @Schema(ref = ApiDescription.PROBLEM_REF))))
	@RequestMapping(RETIRED_LINKS)
	ResponseEntity<ProblemDetail> links(Locale locale) {
		return gone(LINKS, locale);
	}

	@Operation(summary = "Retired: use GET /api/v2/links/{id}/submissions with a personal access token",
			responses = @ApiResponse(responseCode = "410", description = "Gone: the problem names the version 2 path",
					content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							schema = @Schema(ref = ApiDescription.PROBLEM_REF))))
	@RequestMapping(RETIRED_LINK_SUBMISSIONS)
	ResponseEntity<ProblemDetail> linkSubmissions(@Parameter(
			description = "A link's old dashboard secret: whatever it is, the answer is the same") @PathVariable String secret,
			Locale locale) {
		return gone(LINKS, locale);
	}

	/** Any other address under the retired links API: an old client's, or a typo. */
	@Hidden
	@RequestMapping(RETIRED_LINKS + "/**")
	ResponseEntity<ProblemDetail> anyLinks(Locale locale) {
		return gone(LINKS, locale);
	}

	private ResponseEntity<ProblemDetail> gone(String replacement, Locale locale) {
		return ResponseEntity.status(HttpStatus.GONE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(gone(replacement, this.messages, locale));
	}

	/** The problem a retired path answers, naming the path that replaces it. */
	static ProblemDetail gone(String replacement, MessageSource messages, Locale locale) {
		// each key written out, so the check of message arguments sees both calls
		String detail = replacement.equals(LINKS)
				? messages.getMessage("problem.gone.links.detail", new Object[] { replacement }, locale)
				: messages.getMessage("problem.gone.detail", new Object[] { replacement }, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, detail);
		problem.setTitle(messages.getMessage("problem.gone.title", null, locale));
		problem.setProperty("replacedBy", replacement);
		return problem;
	}

}
