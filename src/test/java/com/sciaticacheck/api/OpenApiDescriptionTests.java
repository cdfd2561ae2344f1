package com.sciaticacheck.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.sciaticacheck.support.RunningAppTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI description is valid OpenAPI, documents every answer a client can
 * get (the API tests check each status they see against it, through {@link ApiClient}),
 * describes every problem as one schema, and its examples are what the API really
 * answers.
 */
@RunningAppTest
class OpenApiDescriptionTests {

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String LINKS = "/api/v2/links";

	private static final String LINK_SUBMISSIONS = LINKS + "/{id}/submissions";

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private ApiClient api;

	private JsonNode description;

	@BeforeEach
	void fetch() {
		this.api = new ApiClient(this.port);
		this.description = this.api.description();
	}

	@Test
	void isValidOpenApiForAStandardParser() {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(this.description.toString(), null, options);
		assertThat(result.getMessages()).as("parser messages").isEmpty();
		assertThat(result.getOpenAPI()).isNotNull();
		assertThat(result.getOpenAPI().getPaths()).containsKeys(AssessmentApiTests.ASSESSMENTS,
				AssessmentApiTests.RULES, "/api/v1/assessments", "/api/v1/rules", LINKS, LINK_SUBMISSIONS,
				"/api/v1/links", "/api/v1/links/{secret}/submissions");
	}

	@Test
	void documentsEveryAnswerOfTheAssessmentApi() {
		assertThat(statuses(AssessmentApiTests.ASSESSMENTS, "post")).containsExactly("200", "400", "413", "415");
		assertThat(statuses(AssessmentApiTests.RULES, "get")).containsExactly("200");
		for (String retired : List.of("/api/v1/assessments", "/api/v1/rules")) {
			for (String method : List.of("get", "post", "put", "patch", "delete")) {
				assertThat(statuses(retired, method)).as(method + " " + retired).containsExactly("410");
			}
		}
	}

	@Test
	void documentsEveryAnswerOfTheLinksApiAndItsToken() {
		assertThat(statuses(LINKS, "post")).containsExactly("201", "400", "401", "413", "415", "429");
		assertThat(statuses(LINKS, "get")).containsExactly("200", "401");
		assertThat(statuses(LINK_SUBMISSIONS, "get")).containsExactly("200", "401", "404");
		for (String retired : List.of("/api/v1/links", "/api/v1/links/{secret}/submissions")) {
			for (String method : List.of("get", "post", "put", "patch", "delete")) {
				assertThat(statuses(retired, method)).as(method + " " + retired).containsExactly("410");
			}
		}
		assertThat(operation(LINKS, "post").at("/responses/201/headers/Location")).isNotEmpty();
		assertThat(operation(LINKS, "post").at("/responses/429/headers/Retry-After")).isNotEmpty();
		JsonNode scheme = this.description.at("/components/securitySchemes/personalAccessToken");
		assertThat(scheme.get("type").asString()).isEqualTo("http");
		assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
		for (JsonNode operation : List.of(operation(LINKS, "post"), operation(LINKS, "get"),
				operation(LINK_SUBMISSIONS, "get"))) {
			assertThat(operation.at("/security/0").propertyNames()).containsExactly("personalAccessToken");
		}
		assertThat(operation(AssessmentApiTests.ASSESSMENTS, "post").get("security")).as("the assessments are open")
			.isNull();
		assertThat(operation("/api/v1/links", "get")
			.at("/responses/410/content/application~1problem+json/examples/gone/value/replacedBy")
			.asString()).isEqualTo(LINKS);
	}

	@Test
	void theTokenProblemsAreTheExamples() throws Exception {
		JsonNode examples = operation(LINKS, "get").at("/responses/401/content/application~1problem+json/examples");
		HttpResponse<String> missing = this.api.get(LINKS);
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(this.json.readTree(missing.body())).isEqualTo(examples.at("/tokenMissing/value"));
		HttpResponse<String> invalid = this.api
			.send(this.api.request(LINKS).header("Authorization", "Bearer sck_" + "A".repeat(43)).GET());
		assertThat(this.json.readTree(invalid.body())).isEqualTo(examples.at("/tokenInvalid/value"));
	}

	@Test
	void describesEveryProblemAsOneSchemaWithItsErrors() {
		JsonNode paths = this.description.get("paths");
		int problems = 0;
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				JsonNode responses = paths.get(path).get(method).get("responses");
				for (String status : responses.propertyNames()) {
					if (status.startsWith("2")) {
						continue;
					}
					JsonNode response = responses.get(status);
					assertThat(response.get("description").asString()).as(method + " " + path + " " + status)
						.isNotBlank();
					assertThat(response.at("/content/application~1problem+json/schema/$ref").asString())
						.as(method + " " + path + " " + status)
						.isEqualTo("#/components/schemas/Problem");
					problems++;
				}
			}
		}
		assertThat(problems).isGreaterThan(10);
		JsonNode problem = this.description.at("/components/schemas/Problem");
		assertThat(problem.get("properties").propertyNames()).contains("type", "title", "status", "detail", "instance",
				"errors", "replacedBy");
		assertThat(problem.at("/properties/errors/type").asString()).isEqualTo("array");
		JsonNode fieldError = this.description.at(problem.at("/properties/errors/items/$ref").asString().substring(1));
		assertThat(fieldError.get("properties").propertyNames()).containsExactly("field", "message");
		assertThat(strings(fieldError.get("required"))).containsExactlyInAnyOrder("field", "message");
	}

	@Test
	void theRequestExamplesGetTheAnswerExamples() throws Exception {
		JsonNode operation = operation(AssessmentApiTests.ASSESSMENTS, "post");
		JsonNode requests = operation.at("/requestBody/content/application~1json/examples");
		HttpResponse<String> ok = this.api.postJson(AssessmentApiTests.ASSESSMENTS,
				requests.at("/runner/value").toString());
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(ok.body()))
			.isEqualTo(operation.at("/responses/200/content/application~1json/examples/runner/value"));
		HttpResponse<String> refused = this.api.postJson(AssessmentApiTests.ASSESSMENTS,
				requests.at("/invalidAnswers/value").toString());
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode problem = operation
			.at("/responses/400/content/application~1problem+json/examples/invalidAnswers/value");
		assertThat(this.json.readTree(refused.body())).isEqualTo(problem);
		assertThat(problem.get("errors")).hasSizeGreaterThanOrEqualTo(3);
		HttpResponse<String> malformed = this.api.postJson(AssessmentApiTests.ASSESSMENTS, "{");
		assertThat(this.json.readTree(malformed.body()))
			.isEqualTo(operation.at("/responses/400/content/application~1problem+json/examples/malformed/value"));
	}

	@Test
	void everyProblemAnswerHasAnExample() {
		for (String status : List.of("413", "415")) {
			assertThat(operation(AssessmentApiTests.ASSESSMENTS, "post")
				.at("/responses/" + status + "/content/application~1problem+json/examples")
				.size()).as(status).isPositive();
		}
		JsonNode gone = operation("/api/v1/rules", "get")
			.at("/responses/410/content/application~1problem+json/examples/gone/value");
		assertThat(gone.get("replacedBy").asString()).isEqualTo(AssessmentApiTests.RULES);
	}

	private JsonNode operation(String path, String method) {
		JsonNode operation = this.description.get("paths").get(path).get(method);
		assertThat(operation).as(method + " " + path).isNotNull();
		return operation;
	}

	private List<String> statuses(String path, String method) {
		return new ArrayList<>(operation(path, method).get("responses").propertyNames());
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

}
