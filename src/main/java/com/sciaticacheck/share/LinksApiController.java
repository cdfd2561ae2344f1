package com.sciaticacheck.share;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sciaticacheck.account.AccessLog;
import com.sciaticacheck.account.ClinicAccount;
import com.sciaticacheck.api.AssessmentResponse;
import com.sciaticacheck.api.StrictJsonReader;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.system.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links API, version 2, for a clinic's own software: create a link, list the
 * account's links, and read what clients shared through one. Every request carries a
 * personal access token of the account (the account module checks it and gives the
 * {@link ClinicAccount}); every look-up is by that account, so another account's link is
 * not found (404).
 */
@RestController
@RequestMapping(path = LinksApiController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityScheme(name = LinksApiController.TOKEN_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "sck_ followed by 43 characters",
		description = "A personal access token, created on the account's page /clinic/account/tokens and shown once. "
				+ "Send it as `Authorization: Bearer <token>`. Without a current one, every operation answers 401.")
@SecurityRequirement(name = LinksApiController.TOKEN_SCHEME)
class LinksApiController {

	static final String PATH = "/api/v2/links";

	static final String TOKEN_SCHEME = "personalAccessToken";

	private final ShareService share;

	private final CreationLimit limit;

	private final LinkAddresses addresses;

	private final MessageSource messages;

	private final StrictJsonReader reader;

	private final JsonMapper json;

	private final StoredForm stored;

	private final AccessLog log;

	LinksApiController(ShareService share, CreationLimit limit, LinkAddresses addresses, MessageSource messages,
			StrictJsonReader reader, JsonMapper json, StoredForm stored, AccessLog log) {
		this.share = share;
		this.limit = limit;
		this.addresses = addresses;
		this.messages = messages;
		this.reader = reader;
		this.json = json;
		this.stored = stored;
		this.log = log;
	}

	/**
	 * One link of the account. {@code id} is its random public id, which names it in this
	 * API and on the clinic's pages.
	 */
	record LinkResponse(String id, String clinicName, @Schema(nullable = true) String message, int days,
			Instant createdAt,
			@Schema(description = "The client link takes answers until then, unless revoked") Instant acceptsAnswersUntil,
			ShareLink.Status status,
			@Schema(description = "The link to send to clients; it only lets someone answer the questionnaire") String clientUrl) {
	}

	/**
	 * One shared submission. When the client stopped at the safety questions
	 * ({@code complete} false) there is no score: {@code score} and {@code level} are
	 * null. {@code id} is the submission's random public id.
	 */
	record SubmissionResponse(String id, Instant submittedAt, @Schema(nullable = true) String reference,
			boolean complete, Map<String, Object> answers, Map<String, Object> result) {
	}

	@Operation(summary = "Create a link of the account: a client link to send",
			responses = {
					@ApiResponse(responseCode = "201", description = "Created",
							headers = @Header(name = HttpHeaders.LOCATION,
									description = "The link's submissions resource"),
							content = @Content(schema = @Schema(implementation = LinkResponse.class))),
					@ApiResponse(responseCode = "429",
							description = "Too many links were created from this address in the last hour; "
									+ "Retry-After says in how many seconds to try again",
							headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait")) })
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<LinkResponse> create(ClinicAccount account, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = NewLinkForm.class))) @RequestBody JsonNode body,
			HttpServletRequest http, Locale locale) {
		NewLinkForm request = this.reader.read(body, NewLinkForm.class);
		RateLimiter.Decision limited = this.limit.tryAcquire(http.getRemoteAddr());
		if (!limited.granted()) {
			ErrorResponseException tooMany = problem(HttpStatus.TOO_MANY_REQUESTS, "problem.tooManyLinks",
					new Object[] { this.limit.perHour() }, locale);
			tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
			throw tooMany;
		}
		ShareLink created = this.share.create(account.id(), request.clinicName(), request.message(), request.days());
		this.log.record(account.id(), AccessLog.Kind.LINK_CREATED, created.clinicName(), http);
		// as stored, so its times read the same here as in every later listing
		ShareLink link = this.share.link(account.id(), created.publicId()).orElse(created);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, this.addresses.apiSubmissions(link.publicId()))
			.body(response(link));
	}

	@Operation(summary = "The account's links, newest first")
	@GetMapping
	List<LinkResponse> links(ClinicAccount account) {
		return this.share.links(account.id()).stream().map(this::response).toList();
	}

	@Operation(summary = "What clients shared through one of the account's links: "
			+ "emergency and urgent first, then this week's, then the rest, newest first in each")
	@GetMapping("/{id}/submissions")
	List<SubmissionResponse> submissions(ClinicAccount account,
			@Parameter(description = "The link's id, as created or listed") @PathVariable String id,
			HttpServletRequest http, Locale locale) {
		ShareLink link = this.share.link(account.id(), id)
			.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "problem.linkNotFound", null, locale));
		this.log.record(account.id(), AccessLog.Kind.EXPORTED, "API: " + link.clinicName(), http);
		return this.share.submissions(link)
			.stream()
			.map((submission) -> response(submission, this.share.outcome(submission), locale))
			.toList();
	}

	private LinkResponse response(ShareLink link) {
		return new LinkResponse(link.publicId(), link.clinicName(), link.message(), link.days(), link.createdAt(),
				link.acceptsUntil(), this.share.status(link),
				(link.clientSecret() != null) ? this.addresses.client(link.clientSecret()) : null);
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

	/** A problem answer with its title and detail from the messages. */
	private ErrorResponseException problem(HttpStatus status, String key, Object[] arguments, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(key + ".detail", arguments, locale));
		problem.setTitle(this.messages.getMessage(key + ".title", null, locale));
		return new ErrorResponseException(status, problem, null);
	}

}
