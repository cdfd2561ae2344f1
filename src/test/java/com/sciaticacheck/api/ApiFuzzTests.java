package com.sciaticacheck.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.rules.WarningSign;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated bad requests to the JSON API, the links API with a current
 * token, a wrong one or none: every one gets a 4xx problem response, never a 5xx, and the
 * app still answers a valid request afterwards. Bodies start from {@link RunnerFixture}
 * and reach every question of the catalogue. Seeded; the seed (override with -Dfuzz.seed)
 * and the request are printed on failure. Sent through {@link ApiClient}, so every status
 * must also be in the OpenAPI description.
 */
@RunningAppTest
class ApiFuzzTests {

	static final String VALID = RunnerFixture.calm().json();

	static final String ASSESSMENTS = AssessmentApiTests.ASSESSMENTS;

	/**
	 * Every field name, the safety check's members as their paths (sent at the top level
	 * they are unknown fields) and the object itself.
	 */
	static final List<String> FIELDS = java.util.stream.Stream
		.concat(Question.ALL.stream().map(Question::name), java.util.stream.Stream.of(Question.SAFETY_CHECK_OBJECT))
		.toList();

	/**
	 * Values that are wrong for every field: of the wrong type, out of every range, or
	 * unknown.
	 */
	static final String[] BAD_VALUES = { "\"x\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e999", "-1e999", "-1",
			"-0.5", "1e308", "99999999999999999999999", "[null]", "[1,2]", "{}", "{\"a\":1}", "\"none\"", "\"ONE-LEG\"",
			"\"\\u0000\"", "[\"BROKEN\"]", "[[]]", "\"" + "A".repeat(5000) + "\"",
			"[\"" + WarningSign.SADDLE_NUMBNESS.name() + "\"]", "{\"saddleNumbness\": \"no\"}" };

	/** The POST paths of the API. */
	static final String LINKS = "/api/v2/links";

	static final List<String> POST_PATHS = List.of(ASSESSMENTS, LINKS);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	/** A current personal access token of an account made for the fuzz. */
	private String token;

	@BeforeEach
	void anAccountWithAToken() {
		Browserless physio = new Browserless(this.port);
		ClinicAccounts.signIn(physio, this.jdbc, "fuzz@example.com");
		this.token = ClinicAccounts.apiToken(physio, "Fuzz");
	}

	@Test
	void badRequestsGetProblemsNeverServerErrors() throws Exception {
		long seed = Long.getLong("fuzz.seed", 20261126L);
		Random random = new Random(seed);
		List<Supplier<Request>> generators = generators(random);
		int sent = 0;
		for (int i = 0; i < 2400; i++) {
			Request request = generators.get(random.nextInt(generators.size())).get();
			HttpResponse<String> response = send(request);
			String what = "seed " + seed + ", request #" + i + ": " + request.describe();
			assertThat(response.statusCode()).as(what + " -> " + response.body()).isBetween(400, 499);
			if (response.statusCode() != 404 && response.statusCode() != 405) {
				assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
			}
			sent++;
		}
		System.out.printf("API fuzz: %d bad requests, seed %d, all 4xx problems%n", sent, seed);
		assertThat(sent).as("requests sent").isGreaterThanOrEqualTo(2400);
		HttpResponse<String> valid = send(new Request(ASSESSMENTS, "application/json", VALID.getBytes(), null));
		assertThat(valid.statusCode()).isEqualTo(200);
		assertThat(valid.body()).contains("\"referral\":\"NONE\"");
	}

	record Request(String path, String contentType, byte[] body, String authorization) {

		String describe() {
			String text = new String(this.body, 0, Math.min(this.body.length, 600), StandardCharsets.UTF_8);
			return this.path + " [" + this.contentType + "] " + ((this.authorization != null) ? "with " : "without ")
					+ "token, " + this.body.length + " bytes: " + text;
		}

	}

	private List<Supplier<Request>> generators(Random random) {
		List<Supplier<Request>> generators = new ArrayList<>();
		// one answer with a bad value, in place of the good one or as a duplicate
		generators.add(() -> json(
				ApiBodies.withRaw(RunnerFixture.calm(), pick(random, Question.ALL), pick(random, BAD_VALUES))));
		generators.add(() -> {
			String field = pick(random, FIELDS);
			return json(VALID.replaceFirst("\\{", "{\"" + field + "\": " + pick(random, BAD_VALUES) + ", "));
		});
		// a required field (or safety answer) missing, or an extra one
		generators.add(() -> json(
				RunnerFixture.calm().with(Question.PAIN, Pain.ONE_LEG).without(pick(random, Question.ALL)).json()));
		generators.add(() -> json(VALID.replaceFirst("\\{",
				"{\"" + Question.SAFETY_CHECK_OBJECT + "\": " + pick(random, BAD_VALUES) + ", ")));
		generators.add(() -> json(VALID.replaceFirst("\\{", "{\"extra" + random.nextInt(100) + "\": 1, ")));
		// not JSON, not an object, deep nesting
		generators.add(() -> json(VALID.substring(0, random.nextInt(VALID.length()))));
		String age = Question.AGE_YEARS.name();
		String smoker = Question.SMOKER.name();
		generators.add(() -> json(pick(random,
				List.of("[]", "null", "42", "\"text\"", "true", "", " ", "{", "}", "{\"%s\": 35,}".formatted(age),
						"{'%s': 35}".formatted(age), "{\"%s\": 35 \"%s\": true}".formatted(age, smoker)))));
		generators.add(() -> {
			int depth = 10 + random.nextInt(3000);
			return json("{\"" + Question.CONDITIONS.name() + "\": " + "[".repeat(depth) + "]".repeat(depth) + "}");
		});
		// invalid UTF-8, huge bodies, wrong content types
		generators.add(() -> {
			byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
			byte[] broken = new byte[body.length + 2];
			System.arraycopy(body, 0, broken, 0, body.length);
			int at = 20 + random.nextInt(body.length - 40);
			System.arraycopy(body, at, broken, at + 2, body.length - at);
			broken[at] = (byte) 0xC3;
			broken[at + 1] = (byte) 0x28;
			return new Request(ASSESSMENTS, "application/json", broken, null);
		});
		generators.add(() -> json(
				VALID.replace("}", ", \"pad\": \"" + "x".repeat(65 * 1024 + random.nextInt(200_000)) + "\"}")));
		generators.add(() -> new Request(ASSESSMENTS,
				pick(random,
						new String[] { "text/plain", "application/xml", "application/x-www-form-urlencoded",
								"multipart/form-data; boundary=x", "application/octet-stream", "image/png" }),
				VALID.getBytes(StandardCharsets.UTF_8), null));
		// forms where JSON is expected: indexed, nested and map-style names, multipart
		// bodies small and over the limit, on both POST paths
		generators.add(() -> new Request(pick(random, POST_PATHS), "application/x-www-form-urlencoded",
				(pick(random, FIELDS) + pick(random, new String[] { "[0]", "[a]", ".b", "[0].x", "[" }) + "=1")
					.getBytes(StandardCharsets.UTF_8),
				token(random)));
		generators.add(() -> {
			String field = pick(random, FIELDS) + pick(random, new String[] { "", "[0]", "[a]", ".b" });
			String value = random.nextBoolean() ? "1" : "x".repeat(65 * 1024 + random.nextInt(10_000));
			return new Request(pick(random, POST_PATHS), "multipart/form-data; boundary=b",
					("--b\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n--b--\r\n")
						.getBytes(StandardCharsets.UTF_8),
					token(random));
		});
		// the links API too, with a current token, a wrong one or none
		generators.add(() -> new Request(LINKS, "application/json",
				("{\"clinicName\": " + pick(random, BAD_VALUES) + ", \"days\": " + pick(random, BAD_VALUES) + "}")
					.getBytes(StandardCharsets.UTF_8),
				token(random)));
		generators.add(() -> new Request(LINKS, "application/json",
				VALID.substring(0, random.nextInt(VALID.length())).getBytes(StandardCharsets.UTF_8), token(random)));
		generators.add(() -> new Request(LINKS + "/" + "x".repeat(random.nextInt(60)) + "/submissions",
				"application/json", new byte[0], token(random)));
		generators.add(() -> new Request(pick(random, List.of("/api/v1/links", "/api/v1/links/x/submissions")),
				"application/json", VALID.getBytes(StandardCharsets.UTF_8), token(random)));
		return generators;
	}

	/** A current token, one that is not, a header that is no Bearer token, or none. */
	private String token(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> "Bearer " + this.token;
			case 1 -> "Bearer sck_" + "A".repeat(random.nextInt(50));
			case 2 -> pick(random,
					new String[] { "Basic dXNlcjpwYXNz", "Bearer", "bearer  " + this.token + "x", this.token });
			default -> null;
		};
	}

	private Request json(String body) {
		return new Request(ASSESSMENTS, "application/json", body.getBytes(StandardCharsets.UTF_8), null);
	}

	private HttpResponse<String> send(Request request) {
		ApiClient api = new ApiClient(this.port);
		HttpRequest.Builder builder = api.request(request.path());
		if (request.authorization() != null) {
			builder.header("Authorization", request.authorization());
		}
		if (request.path().endsWith("/submissions")) {
			return api.send(builder.GET());
		}
		return api.send(builder.header("Content-Type", request.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(request.body())));
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
