package com.sciaticacheck.api;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.FormConcern;
import com.sciaticacheck.rules.Footwear;
import com.sciaticacheck.rules.IntensityChange;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.rules.SideDifference;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.rules.Symptom;
import com.sciaticacheck.rules.WarningSign;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Completes the OpenAPI description with every answer a client can get, not only 200: the
 * problem bodies (400, 404, 410, 413, 415) with their {@code errors}, and examples. The
 * examples are not written by hand: the request examples are read by the API's own reader
 * and the answers are what the API gives for them, so they cannot drift.
 */
@Component
class ApiDescription implements OpenApiCustomizer {

	static final String PROBLEM = "Problem";

	static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

	static final String FIELD_ERROR = "FieldError";

	/** The example of a runner, for the request and the 200 answer. */
	static final String RUNNER_EXAMPLE = "runner";

	/** The example of answers that cannot be used, for the request and the 400 answer. */
	static final String INVALID_EXAMPLE = "invalidAnswers";

	static final String MALFORMED_EXAMPLE = "malformed";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	/** The examples' language; the API answers in the request's. */
	private static final Locale LOCALE = Locale.ENGLISH;

	private final RulesService rules;

	private final MessageSource messages;

	private final AnswersJsonReader reader;

	private final JsonMapper json;

	ApiDescription(RulesService rules, MessageSource messages, AnswersJsonReader reader, JsonMapper json) {
		this.rules = rules;
		this.messages = messages;
		this.reader = reader;
		this.json = json;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getComponents().addSchemas(FIELD_ERROR, fieldError()).addSchemas(PROBLEM, problem());
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			// a retired path answers 410 whatever it is sent (see describeRetired)
			if (path.startsWith("/api/") && !path.startsWith("/api/v1/")) {
				describeProblems(path, operation);
			}
		}));
		describeAssessments(openApi.getPaths().get(AssessmentApiController.PATH + "/assessments"));
		describeRetired(openApi, "/api/v1/assessments", AssessmentApiController.PATH + "/assessments");
		describeRetired(openApi, "/api/v1/rules", AssessmentApiController.PATH + "/rules");
		describeRetired(openApi, RetiredApiController.RETIRED_LINKS, RetiredApiController.LINKS);
		describeRetired(openApi, RetiredApiController.RETIRED_LINK_SUBMISSIONS, RetiredApiController.LINKS);
		// each operation's answers in the order of their codes, for a reader
		openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
			Map<String, ApiResponse> byCode = new TreeMap<>(operation.getResponses());
			operation.getResponses().clear();
			operation.getResponses().putAll(byCode);
		}));
	}

	/**
	 * The problems any operation of the API can answer: those that read a body are
	 * refused bodies that are not JSON, too large or of another type
	 * ({@link ApiProblems}, {@link BodySizeLimit}); those with an id in the path answer
	 * 404 for an unknown one.
	 */
	private void describeProblems(String path, Operation operation) {
		ApiResponses responses = operation.getResponses();
		// an error an operation declares itself (such as 429) is a problem too
		List.copyOf(responses.keySet())
			.stream()
			.filter((code) -> code.matches("[45]\\d\\d") && HttpStatus.resolve(Integer.parseInt(code)) != null)
			.map((code) -> HttpStatus.valueOf(Integer.parseInt(code)))
			.forEach((status) -> problem(responses, status, status.getReasonPhrase()));
		if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
			describeUnauthorized(path, responses);
		}
		// a body of files (the training summary) documents its own problems
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
				&& operation.getRequestBody()
					.getContent()
					.containsKey(org.springframework.http.MediaType.APPLICATION_JSON_VALUE)) {
			problem(responses, HttpStatus.BAD_REQUEST,
					"The request cannot be used. With `errors`: every field that is missing, of the wrong type, out "
							+ "of range, unknown, or that does not fit with another answer, named as in the body "
							+ "(such as `" + Question.BLADDER_CHANGE.name() + "` or `" + Question.WARNING_SIGNS.name()
							+ "[1]` of an assessment). Without `errors`: the body is " + "not valid JSON.");
			problem(responses, HttpStatus.CONTENT_TOO_LARGE, "The request body is over 64 KiB.").getContent()
				.get(PROBLEM_JSON)
				.addExamples("tooLarge", example("Too large", ApiProblems.tooLarge(this.messages, LOCALE), path));
			problem(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body was not sent as application/json.")
				.getContent()
				.get(PROBLEM_JSON)
				.addExamples("wrongContentType",
						example("Sent as text/plain",
								ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.status.415.title",
										"problem.status.415.detail", List.of(), this.messages, LOCALE),
								path));
		}
		if (path.contains("{")) {
			problem(responses, HttpStatus.NOT_FOUND, "Nothing has that id.");
		}
	}

	/**
	 * An operation that takes a personal access token answers 401 without a current one:
	 * the problems as the account module's filter chain writes them, from the same
	 * messages.
	 */
	private void describeUnauthorized(String path, ApiResponses responses) {
		MediaType unauthorized = problem(responses, HttpStatus.UNAUTHORIZED,
				"No token was sent, or it is not current (revoked, or copied only in part). The answer carries "
						+ "`WWW-Authenticate: Bearer`.")
			.getContent()
			.get(PROBLEM_JSON);
		unauthorized.addExamples("tokenMissing",
				example("No token", unauthorized("problem.tokenMissing"), path.contains("{") ? null : path));
		unauthorized.addExamples("tokenInvalid", example("A token that is not current",
				unauthorized("problem.tokenInvalid"), path.contains("{") ? null : path));
	}

	private ProblemDetail unauthorized(String key) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				this.messages.getMessage(key + ".detail", null, LOCALE));
		problem.setTitle(this.messages.getMessage(key + ".title", null, LOCALE));
		return problem;
	}

	/** The assessment's examples: a runner and their result, and answers refused. */
	private void describeAssessments(PathItem item) {
		if (item == null || item.getPost() == null) {
			return;
		}
		Operation operation = item.getPost();
		ObjectNode runner = sampleRunner();
		ObjectNode invalid = invalidAnswers(runner);
		MediaType request = operation.getRequestBody().getContent().get(JSON);
		request.addExamples(RUNNER_EXAMPLE, new Example().summary("A runner with leg pain for 5 weeks")
			.value(this.json.convertValue(runner, LinkedHashMap.class)));
		request.addExamples(INVALID_EXAMPLE,
				new Example()
					.summary("A safety answer missing, an unknown option, an emergency sign "
							+ "sent as a warning sign, a longest run longer than the week")
					.value(this.json.convertValue(invalid, LinkedHashMap.class)));
		String path = AssessmentApiController.PATH + "/assessments";
		ApiResponse ok = operation.getResponses().get("200");
		ok.setDescription("The risk-factor score, the referral tier with its reasons, the findings, advice and "
				+ "the safety net");
		ok.getContent()
			.get(JSON)
			.addExamples(RUNNER_EXAMPLE, new Example()
				.summary("The runner's result: ROUTINE for pain of 4 weeks or more")
				.value(this.json.convertValue(
						AssessmentResponse.of(this.rules.assess(this.reader.read(runner)), this.messages, LOCALE),
						LinkedHashMap.class)));
		MediaType badRequest = operation.getResponses().get("400").getContent().get(PROBLEM_JSON);
		badRequest.addExamples(INVALID_EXAMPLE, example("The invalid answers' problem", refused(invalid), path));
		badRequest.addExamples(MALFORMED_EXAMPLE,
				example("A body that is not JSON", ApiProblems.malformed(this.messages, LOCALE), path));
	}

	private ProblemDetail refused(ObjectNode body) {
		try {
			this.reader.read(body);
		}
		catch (InvalidRequestException ex) {
			return ApiProblems.invalidAnswers(ex.errors(), this.messages, LOCALE);
		}
		throw new IllegalStateException("The example of invalid answers was accepted: " + body);
	}

	private void describeRetired(OpenAPI openApi, String path, String replacement) {
		PathItem item = openApi.getPaths().get(path);
		if (item == null) {
			return;
		}
		item.readOperationsMap().forEach((method, operation) -> {
			ApiResponse gone = problem(operation.getResponses(), HttpStatus.GONE,
					"Retired: the problem names the version 2 path in `replacedBy`.");
			gone.getContent()
				.get(PROBLEM_JSON)
				.addExamples("gone",
						example("Retired", RetiredApiController.gone(replacement, this.messages, LOCALE), path));
		});
	}

	/**
	 * The response for this status as a problem body, keeping a description given by an
	 * annotation.
	 */
	private static ApiResponse problem(ApiResponses responses, HttpStatus status, String description) {
		ApiResponse response = responses.computeIfAbsent(String.valueOf(status.value()),
				(code) -> new ApiResponse().description(description));
		if (response.getDescription() == null || response.getDescription().isBlank()) {
			response.setDescription(description);
		}
		MediaType problem = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
		response.setContent(new Content().addMediaType(PROBLEM_JSON, problem));
		return response;
	}

	/** A problem as the API sends it, for an example. */
	private static Example example(String summary, ProblemDetail problem, String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		if (instance != null) {
			body.put("instance", instance);
		}
		if (problem.getProperties() != null) {
			problem.getProperties()
				.forEach((name, value) -> body.put(name, (value instanceof List<?> errors)
						? errors.stream().map(ApiDescription::fieldMessage).toList() : value));
		}
		return new Example().summary(summary).value(body);
	}

	private static Object fieldMessage(Object error) {
		if (error instanceof InvalidRequestException.FieldMessage field) {
			Map<String, String> map = new LinkedHashMap<>();
			map.put("field", field.field());
			map.put("message", field.message());
			return map;
		}
		return error;
	}

	/**
	 * A runner in the middle of things: a longer long run, no strength work, earlier back
	 * pain, and pain down one leg for 5 weeks (3 out of 10 on average, the back 1); every
	 * safety answer "no".
	 */
	private ObjectNode sampleRunner() {
		ObjectNode body = this.json.createObjectNode();
		ObjectNode safety = body.putObject(Question.SAFETY_CHECK_OBJECT);
		Question.SAFETY_CHECK.forEach((question) -> safety.put(question.pageName(), false));
		body.put(Question.AGE_YEARS.name(), 42);
		body.put(Question.HEIGHT_CM.name(), 178);
		body.put(Question.WEIGHT_KG.name(), 74.5);
		body.put(Question.SMOKER.name(), false);
		body.put(Question.PREGNANT_OR_POSTPARTUM.name(), false);
		body.put(Question.WEEKLY_DISTANCE_KM.name(), 45.0);
		body.put(Question.BASELINE_WEEKLY_DISTANCE_KM.name(), 40.0);
		body.put(Question.LONGEST_RUN_KM.name(), 21.1);
		body.put(Question.BASELINE_LONGEST_RUN_KM.name(), 16.0);
		body.put(Question.INTENSITY_CHANGE.name(), IntensityChange.SOME_MORE.name());
		body.put(Question.UNEVEN_SURFACES.name(), Surface.SOME.name());
		body.put(Question.FOOTWEAR.name(), Footwear.GOOD.name());
		body.put(Question.STRENGTH_SESSIONS_PER_WEEK.name(), 0);
		body.put(Question.SIDE_TO_SIDE_DIFFERENCE.name(), SideDifference.NONE.name());
		body.put(Question.FORM_CONCERNS.name(), FormConcern.UNSURE.name());
		body.putArray(Question.CONDITIONS.name()).add(Condition.PREVIOUS_BACK_PAIN.name());
		body.put(Question.PAIN.name(), Pain.ONE_LEG.name());
		body.put(Question.PAIN_WEEKS.name(), 5);
		body.put(Question.PAIN_SEVERITY.name(), 4);
		body.put(Question.LEG_PAIN_AVERAGE.name(), 3);
		body.put(Question.BACK_PAIN_AVERAGE.name(), 1);
		body.putArray(Question.SYMPTOMS.name()).add(Symptom.WORSE_WHEN_RUNNING.name());
		body.putArray(Question.WARNING_SIGNS.name());
		return body;
	}

	private static ObjectNode invalidAnswers(ObjectNode runner) {
		ObjectNode body = runner.deepCopy();
		((ObjectNode) body.get(Question.SAFETY_CHECK_OBJECT)).remove(Question.BLADDER_CHANGE.pageName());
		body.put(Question.INTENSITY_CHANGE.name(), "A_LOT");
		body.putArray(Question.WARNING_SIGNS.name()).add(WarningSign.SADDLE_NUMBNESS.name());
		body.put(Question.LONGEST_RUN_KM.name(), 50.0);
		return body;
	}

	private static Schema<?> fieldError() {
		return object("One field that cannot be used, and what is wrong with it")
			.addProperty("field",
					typed("string").description(
							"The field as named in the request body, such as " + "`" + Question.BLADDER_CHANGE.name()
									+ "` or `" + Question.WARNING_SIGNS.name() + "[1]`; empty for the whole body"))
			.addProperty("message", typed("string").description("What is wrong, in plain English"))
			.required(List.of("field", "message"));
	}

	private static Schema<?> problem() {
		return object("An RFC 9457 problem: what went wrong, in words for the program's author")
			.addProperty("type", typed("string").format("uri").description("Absent for a plain HTTP status"))
			.addProperty("title", typed("string"))
			.addProperty("status", typed("integer").format("int32"))
			.addProperty("detail", typed("string"))
			.addProperty("instance", typed("string").format("uri-reference").description("The path requested"))
			.addProperty("errors",
					typed("array").items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
						.description("400 only: every field that cannot be used"))
			.addProperty("replacedBy", typed("string").description("410 only: the path to use instead"))
			.required(List.of("title", "status"));
	}

	private static Schema<Object> object(String description) {
		return typed("object").description(description);
	}

	/** A schema of one type, as OpenAPI 3.0 and 3.1 each write it. */
	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.setType(type);
		Set<String> types = new LinkedHashSet<>();
		types.add(type);
		schema.setTypes(types);
		return schema;
	}

}
