package com.sciaticacheck.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API over real HTTP on a random port: the contract, and every kind of bad
 * request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AssessmentApiTests {

	private static final String CALM_RUNNER = """
			{"ageYears": 35, "smoker": false, "weeklyDistanceKm": 30, "baselineWeeklyDistanceKm": 30,
			 "longestRunKm": 12, "baselineLongestRunKm": 12, "unevenSurfaces": "NONE", "footwear": "GOOD",
			 "strengthSessionsPerWeek": 2, "sideToSideDifference": "NONE", "formConcerns": "NONE",
			 "conditions": [], "pain": "NONE", "symptoms": [], "warningSigns": []}
			""";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void scoresACalmRunnerAsLowWithGeneralAdvice() throws Exception {
		HttpResponse<String> response = post(CALM_RUNNER);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("rulesVersion").asString()).isNotBlank();
		assertThat(body.get("score").asInt()).isZero();
		assertThat(body.get("level").asString()).isEqualTo("LOW");
		assertThat(body.get("referral").asString()).isEqualTo("NONE");
		assertThat(body.get("seeProfessional").asBoolean()).isFalse();
		assertThat(body.get("findings")).isEmpty();
		assertThat(body.get("advice")).extracting((advice) -> advice.get("id").asString())
			.contains("general.running-form", "general.keep-running");
	}

	@Test
	void explainsEveryPointWithEvidenceSourceAndAdvice() throws Exception {
		ObjectNode runner = runner();
		runner.put("longestRunKm", 25)
			.put("weeklyDistanceKm", 40)
			.put("smoker", true)
			.put("strengthSessionsPerWeek", 0);
		runner.putArray("conditions").add("PREVIOUS_SCIATICA");
		runner.put("pain", "ONE_LEG").put("painWeeks", 6).put("painSeverity", 5);
		JsonNode body = this.json.readTree(post(runner.toString()).body());
		assertThat(body.get("findings")).extracting((finding) -> finding.get("ruleId").asString())
			.containsExactly("LOAD-LONG-RUN-SPIKE", "LOAD-LONG-RUN-DOUBLED", "LOAD-WEEKLY-JUMP", "STRENGTH-NONE",
					"CONDITION-PREVIOUS-SCIATICA", "LIFESTYLE-SMOKING", "SYMPTOMS-ONE-LEG");
		int points = 0;
		for (JsonNode finding : body.get("findings")) {
			assertThat(finding.get("points").asInt()).isPositive();
			assertThat(finding.get("factor").asString()).isNotBlank();
			assertThat(finding.get("evidence").asString()).isIn("STRONG", "MODERATE", "LIMITED", "EXPERT_OPINION");
			assertThat(finding.get("explanation").asString()).hasSizeGreaterThan(20).doesNotStartWith("finding.");
			assertThat(finding.get("source").asString()).isNotBlank();
			points += finding.get("points").asInt();
		}
		assertThat(body.get("score").asInt()).isEqualTo(Math.min(points, 100));
		assertThat(body.get("level").asString()).isEqualTo("HIGH");
		assertThat(body.get("referral").asString()).isEqualTo("ROUTINE");
		assertThat(body.get("seeProfessional").asBoolean()).isTrue();
		assertThat(body.get("referralReasons")).extracting(JsonNode::asString)
			.containsExactly("Pain for 4 weeks or more", "Pain now, with a back condition you have had before");
		assertThat(body.get("advice")).extracting((advice) -> advice.get("id").asString())
			.startsWith("long-run-within-10-percent", "build-weekly-distance-gradually", "strength-core-hips-glutes");
	}

	@ParameterizedTest
	@CsvSource({ "SADDLE_NUMBNESS, NONE, EMERGENCY", "FEVER_OR_UNWELL, BACK_ONLY, EMERGENCY",
			"CANCER_HISTORY, BACK_ONLY, URGENT", "CANCER_HISTORY, NONE, NONE", "FOOT_DROP, ONE_LEG, URGENT" })
	void decidesTheTierFromWarningSignsAndPain(String sign, String pain, String referral) throws Exception {
		ObjectNode runner = runner();
		runner.putArray("warningSigns").add(sign);
		runner.put("pain", pain).put("painWeeks", 1).put("painSeverity", 2);
		JsonNode body = this.json.readTree(post(runner.toString()).body());
		assertThat(body.get("referral").asString()).isEqualTo(referral);
	}

	@Test
	void painInBothLegsIsAnEmergency() throws Exception {
		ObjectNode runner = runner().put("pain", "BOTH_LEGS").put("painWeeks", 0).put("painSeverity", 3);
		JsonNode body = this.json.readTree(post(runner.toString()).body());
		assertThat(body.get("referral").asString()).isEqualTo("EMERGENCY");
		assertThat(body.get("referralReasons")).extracting(JsonNode::asString)
			.containsExactly("Pain spreading down both legs");
	}

	@Test
	void namesEveryMissingOrOutOfRangeField() throws Exception {
		HttpResponse<String> response = post("""
				{"ageYears": 12, "heightCm": 300, "pain": "ONE_LEG", "weeklyDistanceKm": -1}
				""");
		JsonNode problem = assertProblem(response, 400);
		assertThat(fields(problem)).contains("ageYears", "heightCm", "weightKg", "weeklyDistanceKm", "smoker",
				"baselineWeeklyDistanceKm", "longestRunKm", "baselineLongestRunKm", "unevenSurfaces", "footwear",
				"strengthSessionsPerWeek", "sideToSideDifference", "formConcerns", "painWeeks", "painSeverity");
		assertThat(fields(problem)).doesNotContain("conditions", "symptoms", "warningSigns");
	}

	@Test
	void namesEveryOffendingFieldEvenWhenSomeCannotBeRead() throws Exception {
		JsonNode problem = assertProblem(post("""
				{"ageYears": "x", "shoeSize": 44, "footwear": "SANDALS", "conditions": ["HERNIATED_DISC", "BROKEN"],
				 "pain": "NONE", "weeklyDistanceKm": 500}
				"""), 400);
		assertThat(fields(problem)).contains("ageYears", "shoeSize", "footwear", "conditions[1]", "weeklyDistanceKm",
				"smoker", "baselineWeeklyDistanceKm", "longestRunKm");
		assertThat(fields(problem)).doesNotHaveDuplicates();
	}

	@Test
	void aBodyThatIsNotAnObjectIsRefused() throws Exception {
		assertProblem(post("[]"), 400);
		assertProblem(post("null"), 400);
		assertProblem(post("42"), 400);
	}

	@Test
	void refusesAnswersThatContradictEachOther() throws Exception {
		ObjectNode runner = runner().put("longestRunKm", 40).put("heightCm", 180);
		JsonNode problem = assertProblem(post(runner.toString()), 400);
		assertThat(fields(problem)).containsExactly("longestRunKm", "weightKg");
		assertThat(problem.get("errors").get(0).get("message").asString())
			.isEqualTo("Your longest run cannot be longer than all your running in the last 7 days");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown field              | {"shoeSize": 44}                 | shoeSize
			text for a number          | {"ageYears": "forty"}            | ageYears
			number as text             | {"ageYears": "40"}               | ageYears
			fraction for a whole number| {"ageYears": 40.5}               | ageYears
			unknown enum value         | {"footwear": "SANDALS"}          | footwear
			object for a number        | {"weeklyDistanceKm": {"a": 1}}   | weeklyDistanceKm
			text for a boolean         | {"smoker": "yes"}                | smoker
			list item of the wrong kind| {"conditions": ["BROKEN_LEG"]}   | conditions[0]
			""")
	void namesTheFieldJsonCannotRead(String problem, String body, String field) throws Exception {
		JsonNode response = assertProblem(post(merged(body)), 400);
		assertThat(fields(response)).containsExactly(field);
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', textBlock = """
			"weeklyDistanceKm": 30 | "weeklyDistanceKm": 1e999
			"weeklyDistanceKm": 30 | "weeklyDistanceKm": "NaN"
			"weeklyDistanceKm": 30 | "weeklyDistanceKm": "Infinity"
			"weeklyDistanceKm": 30 | "weeklyDistanceKm": -0.1
			"weeklyDistanceKm": 30 | "weeklyDistanceKm": 400.1
			"ageYears": 35         | "ageYears": 101
			"ageYears": 35         | "ageYears": 99999999999999999999
			"pain": "NONE"         | "pain": "BACK_ONLY", "painWeeks": 1, "painSeverity": 11
			""")
	void refusesNumbersOutOfRange(String original, String replacement) throws Exception {
		assertThat(CALM_RUNNER).contains(original);
		JsonNode problem = assertProblem(post(CALM_RUNNER.replace(original, replacement)), 400);
		String field = replacement.contains("painSeverity") ? "painSeverity"
				: replacement.substring(1, replacement.indexOf('"', 1));
		assertThat(fields(problem)).contains(field);
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		JsonNode problem = assertProblem(post("{\"ageYears\": 40,"), 400);
		assertThat(problem.get("title").asString()).isEqualTo("Malformed request body");
	}

	@Test
	void wrongContentTypeIsUnsupported() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/assessments"))
			.header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString(CALM_RUNNER)));
		JsonNode problem = assertProblem(response, 415);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/assessments");
	}

	@Test
	void bodyOverTheLimitIsTooLarge() throws Exception {
		String huge = CALM_RUNNER.replace("{", "{\"padding\": \"" + "x".repeat(70 * 1024) + "\", ");
		assertProblem(post(huge), 413);
	}

	@Test
	void bodyOverTheLimitWithoutALengthIsTooLarge() throws Exception {
		byte[] chunk = " ".repeat(8 * 1024).getBytes();
		List<byte[]> chunks = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			chunks.add(chunk);
		}
		// a publisher of unknown length makes the client send the body chunked, without
		// Content-Length
		HttpRequest.BodyPublisher unknownLength = new HttpRequest.BodyPublisher() {

			private final HttpRequest.BodyPublisher delegate = BodyPublishers.ofByteArrays(chunks);

			@Override
			public long contentLength() {
				return -1;
			}

			@Override
			public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
				this.delegate.subscribe(subscriber);
			}

		};
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/assessments"))
			.header("Content-Type", "application/json")
			.POST(unknownLength));
		assertProblem(response, 413);
	}

	@Test
	void servesTheRuleTable() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/rules")).GET());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode table = this.json.readTree(response.body());
		assertThat(table.get("version").asString()).isNotBlank();
		assertThat(table.get("rules")).hasSizeGreaterThan(15);
		assertThat(table.get("rules").get(0).get("id").asString()).isEqualTo("LOAD-LONG-RUN-SPIKE");
		assertThat(table.get("bands")).hasSize(3);
	}

	@Test
	void servesAnOpenApiDescription() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode openApi = this.json.readTree(response.body());
		assertThat(openApi.get("openapi").asString()).startsWith("3.");
		assertThat(openApi.get("paths").has("/api/v1/assessments")).isTrue();
		assertThat(openApi.get("paths").has("/api/v1/rules")).isTrue();
	}

	@Test
	void unknownApiPathIsAProblem() throws Exception {
		assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/nothing-here")).GET()), 404);
	}

	@Test
	void exposesOnlyHealthAndInfo() throws Exception {
		assertThat(send(HttpRequest.newBuilder(uri("/actuator/health")).GET()).statusCode()).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(uri("/actuator/info")).GET()).statusCode()).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(uri("/actuator/env")).GET()).statusCode()).isEqualTo(404);
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
		return problem;
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

	private ObjectNode runner() {
		return (ObjectNode) this.json.readTree(CALM_RUNNER);
	}

	/** A valid runner with the given fields replaced, so only they can be at fault. */
	private String merged(String fields) {
		ObjectNode runner = runner();
		this.json.readTree(fields).properties().forEach((entry) -> runner.set(entry.getKey(), entry.getValue()));
		return runner.toString();
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri("/api/v1/assessments"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
