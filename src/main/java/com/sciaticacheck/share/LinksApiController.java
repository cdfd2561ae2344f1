package com.sciaticacheck.share;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sciaticacheck.api.AssessmentResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import com.sciaticacheck.api.StrictJsonReader;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.system.RateLimiter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Share links for other software: create one, and read back what clients shared. */
@RestController
@RequestMapping(path = "/api/v1/links", produces = MediaType.APPLICATION_JSON_VALUE)
class LinksApiController {

	private final ShareService share;

	private final CreationLimit limit;

	private final LinkAddresses addresses;

	private final MessageSource messages;

	private final StrictJsonReader reader;

	private final JsonMapper json;

	private final StoredForm stored;

	LinksApiController(ShareService share, CreationLimit limit, LinkAddresses addresses, MessageSource messages,
			StrictJsonReader reader, JsonMapper json, StoredForm stored) {
		this.json = json;
		this.stored = stored;
		this.share = share;
		this.limit = limit;
		this.addresses = addresses;
		this.messages = messages;
		this.reader = reader;
	}

	record CreatedLinkResponse(String clientUrl, String dashboardUrl, Instant acceptsAnswersUntil) {
	}

	/**
	 * One shared submission. When the client stopped at the safety questions
	 * ({@code complete} false) there is no score: {@code score} and {@code level} are
	 * null. {@code id} is the submission's random public id.
	 */
	record SubmissionResponse(String id, Instant submittedAt, String reference, boolean complete,
			Map<String, Object> answers, Map<String, Object> result) {
	}

	@Operation(summary = "Create a share link: a client link to send, and a private dashboard link")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CreatedLinkResponse> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = NewLinkForm.class))) @RequestBody JsonNode body,
			HttpServletRequest http, Locale locale) {
		NewLinkForm request = this.reader.read(body, NewLinkForm.class);
		RateLimiter.Decision limited = this.limit.tryAcquire(http.getRemoteAddr());
		if (!limited.granted()) {
			ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS);
			tooMany.setDetail(this.messages.getMessage("problem.tooManyLinks.detail",
					new Object[] { this.limit.perHour() }, locale));
			tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
			throw tooMany;
		}
		ShareService.CreatedLink created = this.share.create(request.clinicName(), request.message(), request.days());
		String dashboardUrl = this.addresses.dashboard(created.dashboardSecret());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", dashboardUrl)
			.header("Cache-Control", "no-store")
			.body(new CreatedLinkResponse(this.addresses.client(created.clientSecret()), dashboardUrl,
					created.link().acceptsUntil()));
	}

	@Operation(summary = "The submissions clients shared through a link, newest first, emergency and urgent pinned")
	@GetMapping("/{secret}/submissions")
	List<SubmissionResponse> submissions(@PathVariable String secret, Locale locale) {
		ShareLink link = this.share.findForDashboard(secret)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
		return this.share.submissions(link)
			.stream()
			.map((submission) -> response(submission, this.share.outcome(submission), locale))
			.toList();
	}

	private SubmissionResponse response(Submission submission, CheckOutcome outcome, Locale locale) {
		return new SubmissionResponse(submission.publicId(), submission.submittedAt(), submission.reference(),
				submission.complete(), this.stored.answersAsJson(outcome.answers()),
				result(submission, outcome, locale));
	}

	/**
	 * The result as the assessment API gives it; a stop at the safety questions has only
	 * its tier and reasons, with no score or level.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> result(Submission submission, CheckOutcome outcome, Locale locale) {
		if (outcome instanceof CheckOutcome.Assessed assessed) {
			return this.json.convertValue(AssessmentResponse.of(assessed.assessment(), this.messages, locale),
					LinkedHashMap.class);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("rulesVersion", submission.rulesVersion());
		result.put("score", null);
		result.put("level", null);
		result.put("referral", outcome.referral());
		result.put("seeProfessional", true);
		result.put("referralReasons",
				outcome.referralReasonKeys()
					.stream()
					.map((key) -> this.messages.getMessage(key, null, locale))
					.toList());
		result.put("findings", List.of());
		result.put("advice", List.of());
		return result;
	}

}
