package com.sciaticacheck.training;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/v2/training-summary}: the four load figures of the v2 assessment
 * request, in km, from training files sent as multipart parts named {@code files}, with
 * the runs they came from and what was skipped. An optional {@code timeZone} part (an
 * IANA name) decides on which day a run counts; without it, UTC.
 */
@RestController
class TrainingSummaryApiController {

	private static final Set<String> PART_NAMES = Set.of(TrainingUploads.FILES, TrainingUploads.TIME_ZONE);

	private final TrainingImport training;

	private final MessageSource messages;

	TrainingSummaryApiController(TrainingImport training, MessageSource messages) {
		this.training = training;
		this.messages = messages;
	}

	/** One run the figures came from. */
	record RunJson(LocalDate date, double distanceKm, ActivityType type, String file) {
	}

	/** A file or an activity that did not count, with the reason in words. */
	record SkippedJson(String file, String reason) {
	}

	/** The request, for the API's description: files, and the time zone. */
	record UploadJson(
			@Schema(description = "One or more training files: FIT, TCX, GPX, or a zip of them "
					+ "(a Strava bulk export is read through its activities.csv), each may be gzipped. "
					+ "At most 1,000 files and 20 MB in all; at most 200 MB once unpacked, 2,000 activities "
					+ "and 30 seconds of reading.", type = "array", format = "binary") List<String> files,
			@Schema(description = "The runner's IANA time zone, such as Europe/London, which decides on "
					+ "which day a run counts; UTC when not given",
					requiredMode = Schema.RequiredMode.NOT_REQUIRED) String timeZone) {
	}

	/** The answer: the v2 request's four names, then how they were found. */
	record SummaryJson(double weeklyDistanceKm, double baselineWeeklyDistanceKm, double longestRunKm,
			double baselineLongestRunKm, String timeZone, LocalDate today, List<RunJson> activities,
			List<SkippedJson> skipped) {
	}

	@Operation(summary = "The four load figures of an assessment, from the runner's training files",
			description = "Days are counted by each run's start date in the time zone, today being day 0: "
					+ "weeklyDistanceKm is days 0-6, baselineWeeklyDistanceKm days 7-34 divided by 4, "
					+ "longestRunKm the longest single run of days 0-6, baselineLongestRunKm of days 7-36. "
					+ "Only runs count (run, trail run, treadmill); everything else is listed in skipped. "
					+ "Nothing sent is stored or logged.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(implementation = UploadJson.class))),
			responses = {
					@ApiResponse(responseCode = "200", description = "The figures and the runs they came from",
							content = @Content(schema = @Schema(implementation = SummaryJson.class))),
					@ApiResponse(responseCode = "400",
							description = "No part named files, a part of another name (listed in parts), "
									+ "a time zone that is not one, more than 1,000 files, or a body that is not "
									+ "the multipart/form-data it says it is"),
					@ApiResponse(responseCode = "413",
							description = "The request is over 20 MB, or has more than 1,100 parts"),
					@ApiResponse(responseCode = "415", description = "The body was not sent as multipart/form-data"),
					@ApiResponse(responseCode = "422",
							description = "No run could be read (what was skipped and why is in skipped), or the "
									+ "files together pass a limit (named in limit)"),
					@ApiResponse(responseCode = "503",
							description = "Too many uploads are being received and read at once; Retry-After says "
									+ "in how many seconds to try again",
							headers = @Header(name = "Retry-After", description = "Seconds to wait")) })
	@PostMapping(path = TrainingUploads.API_PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Object> summarise(HttpServletRequest request, Locale locale) throws IOException {
		if (!(request instanceof MultipartHttpServletRequest multipart)) {
			return problem(HttpStatus.BAD_REQUEST, "noFiles", locale);
		}
		Set<String> unknown = UploadedFiles.unknownNames(multipart, PART_NAMES);
		if (!unknown.isEmpty()) {
			ProblemDetail problem = problemDetail(HttpStatus.BAD_REQUEST, "unknownPart", locale);
			problem.setProperty("parts", unknown.stream().sorted().toList());
			return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
		}
		ZoneId zone;
		try {
			zone = timeZone(multipart.getParameterValues(TrainingUploads.TIME_ZONE));
		}
		catch (DateTimeException ex) {
			return problem(HttpStatus.BAD_REQUEST, "timeZone", locale);
		}
		List<UploadedFile> files = UploadedFiles.of(multipart);
		if (files.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "noFiles", locale);
		}
		if (files.size() > UploadedFiles.MAX_FILES) {
			return problem(HttpStatus.BAD_REQUEST, "tooManyFiles", locale, UploadedFiles.MAX_FILES);
		}
		TrainingSummary summary = this.training.read(files, zone);
		List<SkippedJson> skipped = summary.skipped()
			.stream()
			.map((file) -> new SkippedJson(file.file(),
					this.messages.getMessage(file.reasonKey(), file.arguments().toArray(), locale)))
			.toList();
		if (!summary.anyRunRead()) {
			// zeros from files that held no run would read as a runner who did not run
			ProblemDetail problem = problemDetail(HttpStatus.UNPROCESSABLE_CONTENT, "noRuns", locale);
			problem.setProperty("skipped", skipped);
			return ResponseEntity.unprocessableContent().body(problem);
		}
		List<RunJson> runs = summary.used()
			.stream()
			.map((run) -> new RunJson(run.date(), run.distanceKm(), run.activity().type(), run.activity().file()))
			.toList();
		return ResponseEntity.ok(new SummaryJson(summary.weeklyDistanceKm(), summary.baselineWeeklyDistanceKm(),
				summary.longestRunKm(), summary.baselineLongestRunKm(), zone.getId(), summary.today(), runs, skipped));
	}

	@ExceptionHandler(ImportLimitException.class)
	ResponseEntity<Object> limitReached(ImportLimitException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				this.messages.getMessage(ex.limit().messageKey(), ex.arguments(), locale));
		problem.setTitle(this.messages.getMessage("problem.training.limit.title", null, locale));
		problem.setProperties(Map.of("limit", ex.limit().name()));
		return ResponseEntity.unprocessableContent().body(problem);
	}

	/** The zone named in the request, or UTC; a name that is not one is refused. */
	static ZoneId timeZone(String[] given) {
		if (given == null || given.length == 0 || (given.length == 1 && given[0].isBlank())) {
			return ZoneOffset.UTC;
		}
		if (given.length > 1 || given[0].length() > 64) {
			throw new DateTimeException("one time zone");
		}
		return ZoneId.of(given[0].strip());
	}

	private ResponseEntity<Object> problem(HttpStatus status, String key, Locale locale, Object... arguments) {
		return ResponseEntity.status(status).body(problemDetail(status, key, locale, arguments));
	}

	private ProblemDetail problemDetail(HttpStatus status, String key, Locale locale, Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage("problem.training." + key + ".detail", arguments, locale));
		problem.setTitle(this.messages.getMessage("problem.training." + key + ".title", null, locale));
		return problem;
	}

}
