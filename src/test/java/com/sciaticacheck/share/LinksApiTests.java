package com.sciaticacheck.share;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sciaticacheck.api.ApiClient;
import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.system.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The links API, version 2, over real HTTP: a personal access token made on the account's
 * page opens it, for that account's links only; anything else is a 401 problem. Sent
 * through {@link ApiClient}, so every status must be in the OpenAPI description.
 */
@RunningAppTest
class LinksApiTests {

	static final String LINKS = "/api/v2/links";

	/** How every token starts, so one that only looks like ours is tried too. */
	static final String TOKEN_PREFIX = "sck_";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private RulesService rules;

	private final JsonMapper json = JsonMapper.builder().build();

	private ApiClient api;

	private Browserless physio;

	private String token;

	@BeforeEach
	void signedInWithAToken() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.clock.set(Instant.now());
		this.api = new ApiClient(this.port);
		this.physio = new Browserless(this.port);
		ClinicAccounts.signIn(this.physio, this.jdbc, "api@example.com");
		this.token = ClinicAccounts.apiToken(this.physio, "Clinic software");
	}

	@Test
	void aPhysioCreatesALinkListsItAndReadsWhatAClientShared() {
		HttpResponse<String> created = post(this.token,
				"{\"clinicName\": \"API Clinic\", \"message\": \"Hello\", " + "\"days\": 14}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode link = this.json.readTree(created.body());
		String id = link.get("id").asString();
		assertThat(Tokens.looksLikePublicId(id)).as(id).isTrue();
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith(LINKS + "/" + id + "/submissions"));
		assertThat(link.get("clinicName").asString()).isEqualTo("API Clinic");
		assertThat(link.get("status").asString()).isEqualTo("OPEN");
		assertThat(Instant.parse(link.get("acceptsAnswersUntil").asString()))
			.isCloseTo(this.clock.instant().plus(Duration.ofDays(14)), within(1, ChronoUnit.MILLIS));
		String client = link.get("clientUrl").asString().replaceFirst("^https?://[^/]+", "");
		assertThat(client).matches("/c/[A-Za-z0-9_-]{43}");

		JsonNode listed = this.json.readTree(get(LINKS, this.token).body());
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0)).isEqualTo(link);
		assertThat(this.physio.get("/clinic/links/" + id).document().getElementById("client-url").val())
			.as("the link is the account's, on its pages too")
			.isEqualTo(link.get("clientUrl").asString());

		shareAsAClient(client, "A.P.");
		HttpResponse<String> answers = get(LINKS + "/" + id + "/submissions", this.token);
		assertThat(answers.statusCode()).isEqualTo(200);
		assertThat(answers.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode submission = this.json.readTree(answers.body()).get(0);
		assertThat(Tokens.looksLikePublicId(submission.get("id").asString())).isTrue();
		assertThat(submission.get("reference").asString()).isEqualTo("A.P.");
		assertThat(submission.get("complete").asBoolean()).isTrue();
		assertThat(submission.get("answers").get(Question.LONGEST_RUN_KM.name()).asDouble()).isEqualTo(15.0);
		assertThat(submission.get("answers").get(Question.CONDITIONS.name()).get(0).asString())
			.isEqualTo(Condition.PREVIOUS_SCIATICA.name());
		assertThat(submission.get("answers").get(Question.LEG_PAIN_AVERAGE.name()).asInt()).isEqualTo(3);
		assertThat(submission.get("answers").get(Question.BACK_PAIN_AVERAGE.name()).asInt()).isEqualTo(2);
		assertThat(submission.get("answers").has(Question.CHANGE_SINCE_LAST_CHECK.name())).as("no follow-up").isFalse();
		assertThat(submission.get("result").get("referral").asString()).isEqualTo("ROUTINE");
		assertThat(submission.get("result").get("score").asInt())
			.isEqualTo(this.rules.assess(runner().answers()).score());
		assertThat(events()).contains("LINK_CREATED API Clinic", "EXPORTED API: API Clinic");
	}

	@Test
	void listsSubmissionsEmergencyFirstThenNewestFirst() {
		String id = createLink("Triage Clinic");
		String client = clientPath(id);
		shareAsAClient(client, "older routine");
		this.clock.advance(Duration.ofMinutes(5));
		Browserless stopped = new Browserless(this.port);
		stopped.get(client + "/assessment");
		Map<String, String> saddle = new LinkedHashMap<>(RunnerFixture.safetyNo());
		saddle.put(Question.SADDLE_NUMBNESS.pageName(), "true");
		stopped.post(client + "/safety", saddle);
		saddle.put("share", "true");
		assertThat(stopped.post(client + "/emergency-consent", saddle).status()).isEqualTo(302);
		this.clock.advance(Duration.ofMinutes(5));
		shareAsAClient(client, "newer routine");

		JsonNode answers = this.json.readTree(get(LINKS + "/" + id + "/submissions", this.token).body());
		assertThat(answers).hasSize(3);
		JsonNode emergency = answers.get(0);
		assertThat(emergency.get("complete").asBoolean()).isFalse();
		assertThat(emergency.get("result").get("referral").asString()).isEqualTo("EMERGENCY");
		assertThat(emergency.get("result").get("score").isNull()).isTrue();
		assertThat(emergency.get("answers").get(Question.SADDLE_NUMBNESS.name()).asBoolean()).isTrue();
		assertThat(emergency.get("answers").has(Question.PAIN.name())).isFalse();
		assertThat(answers.get(1).get("reference").asString()).isEqualTo("newer routine");
		assertThat(answers.get(2).get("reference").asString()).isEqualTo("older routine");
	}

	@Test
	void withoutACurrentTokenEveryOperationIsA401ProblemNeverASignInPage() {
		String id = createLink("Closed Clinic");
		String session = this.physio.cookie("session").orElseThrow();
		List<Map<String, String>> refusals = List.of(Map.of(), Map.of("Authorization", "Bearer"),
				Map.of("Authorization", "Bearer not-a-token"),
				Map.of("Authorization", "Bearer " + TOKEN_PREFIX + Tokens.generate()),
				Map.of("Authorization", "Basic " + this.token), Map.of("Authorization", this.token),
				Map.of("Cookie", "session=" + session));
		for (Map<String, String> headers : refusals) {
			for (HttpRequest.Builder request : List.of(this.api.request(LINKS).GET(),
					this.api.request(LINKS + "/" + id + "/submissions").GET(),
					this.api.request(LINKS)
						.header("Content-Type", "application/json")
						.POST(BodyPublishers.ofString("{\"clinicName\": \"Sneaky\", \"days\": 30}")))) {
				headers.forEach(request::header);
				HttpResponse<String> refused = this.api.send(request);
				String what = refused.request().method() + " " + refused.request().uri().getPath() + " " + headers;
				assertThat(refused.statusCode()).as(what).isEqualTo(401);
				assertThat(refused.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
				assertThat(refused.headers().firstValue("WWW-Authenticate")).as(what)
					.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
				assertThat(refused.headers().firstValue("Location")).as(what).isEmpty();
				assertThat(refused.headers().firstValue("Set-Cookie")).as(what).isEmpty();
				assertThat(refused.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
				JsonNode problem = this.json.readTree(refused.body());
				assertThat(problem.get("status").asInt()).as(what).isEqualTo(401);
				assertThat(problem.get("detail").asString()).as(what).contains("token", "API tokens");
				assertThat(refused.body()).as(what).doesNotContain("Closed Clinic");
			}
		}
		assertThat(this.jdbc.queryForObject("select count(*) from share_link", Integer.class)).isEqualTo(1);
		HttpResponse<String> wrong = get(LINKS, TOKEN_PREFIX + Tokens.generate());
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		assertThat(this.json.readTree(wrong.body()).get("title").asString()).isEqualTo("The token is not valid");
		assertThat(get(LINKS, null).headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void aRevokedTokenStopsWorkingAtOnce() {
		assertThat(get(LINKS, this.token).statusCode()).isEqualTo(200);
		String revoke = this.physio.get("/clinic/account/tokens")
			.document()
			.selectFirst("form[action$=/revoke]")
			.attr("action");
		assertThat(this.physio.post(revoke, Map.of()).status()).isEqualTo(302);
		HttpResponse<String> refused = get(LINKS, this.token);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	/** Whoever held the account before the reset keeps no token they made. */
	@Test
	void aPasswordResetRevokesEveryToken() {
		assertThat(get(LINKS, this.token).statusCode()).isEqualTo(200);
		String reset = Tokens.generate();
		this.jdbc.update(
				"insert into account_token (token_hash, account_id, purpose, expires_at) "
						+ "select ?, id, 'RESET_PASSWORD', ? from account where email = ?",
				Tokens.hash(reset), java.sql.Timestamp.from(this.clock.instant().plus(Duration.ofMinutes(30))),
				"api@example.com");
		Browserless owner = new Browserless(this.port);
		Browserless.Page form = owner.get("/clinic/reset-password?token=" + reset);
		assertThat(form.status()).as(form.body()).isEqualTo(200);
		Browserless.Page changed = owner.post("/clinic/reset-password",
				Map.of("token", reset, "password", "another long test password"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(302);
		assertThat(changed.location()).endsWith("/clinic/sign-in?reset");
		assertThat(owner.follow(changed).document().text()).contains("your API tokens no longer work");
		HttpResponse<String> refused = get(LINKS, this.token);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("select count(*) from api_token", Integer.class)).isZero();
	}

	@Test
	void aTokenReadsOnlyItsOwnAccountsLinks() {
		String id = createLink("Clinic A");
		shareAsAClient(clientPath(id), "A's client");
		Browserless other = new Browserless(this.port);
		ClinicAccounts.signIn(other, this.jdbc, "other@example.com");
		String otherToken = ClinicAccounts.apiToken(other, "Other software");

		assertThat(this.json.readTree(get(LINKS, otherToken).body())).isEmpty();
		HttpResponse<String> notFound = get(LINKS + "/" + id + "/submissions", otherToken);
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(notFound.body()).doesNotContain("Clinic A", "A's client");
		assertThat(this.json.readTree(notFound.body()).get("title").asString()).isEqualTo("Link not found");
		for (String unknown : List.of("A".repeat(22), "x", "A".repeat(500))) {
			assertThat(get(LINKS + "/" + unknown + "/submissions", this.token).statusCode()).as(unknown).isEqualTo(404);
		}
		assertThat(get(LINKS + "/" + id + "/submissions", this.token).statusCode()).isEqualTo(200);
	}

	@Test
	void badLinksAreRefusedNamingEachFieldAndStoreNothing() {
		HttpResponse<String> bad = post(this.token,
				"{\"clinicName\": \"\", \"message\": \"" + "m".repeat(501) + "\", \"days\": 400, \"colour\": 1}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		List<String> fields = new ArrayList<>();
		this.json.readTree(bad.body()).get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactly("clinicName", "colour", "days", "message");
		assertThat(post(this.token, "{").statusCode()).isEqualTo(400);
		HttpResponse<String> wrongType = this.api.send(this.api.request(LINKS)
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString("{\"clinicName\": \"Text\", \"days\": 30}")));
		assertThat(wrongType.statusCode()).isEqualTo(415);
		HttpResponse<String> tooLarge = post(this.token,
				"{\"clinicName\": \"Big\", \"days\": 30, \"message\": \"" + "m".repeat(70 * 1024) + "\"}");
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		HttpResponse<String> multipart = this.api.send(this.api.request(LINKS)
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "multipart/form-data; boundary=b")
			.POST(BodyPublishers
				.ofString("--b\r\nContent-Disposition: form-data; name=\"clinicName\"\r\n\r\nMultipart\r\n--b--\r\n")));
		assertThat(multipart.statusCode()).isEqualTo(415);
		assertThat(this.jdbc.queryForObject("select count(*) from share_link", Integer.class)).isZero();
	}

	@Test
	void version1OfTheLinksApiIsGoneAndNamesVersion2() {
		for (HttpRequest.Builder request : List.of(this.api.request("/api/v1/links").GET(),
				this.api.request("/api/v1/links")
					.header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString("{\"clinicName\": \"Old\", \"days\": 30}")),
				this.api.request("/api/v1/links/" + "A".repeat(43) + "/submissions").GET(),
				this.api.request("/api/v1/links/" + "A".repeat(43) + "/submissions").DELETE(),
				this.api.request("/api/v1/links/any/other/path").PUT(BodyPublishers.noBody()))) {
			request.header("Authorization", "Bearer " + this.token);
			HttpResponse<String> gone = this.api.send(request);
			String what = gone.request().method() + " " + gone.request().uri().getPath();
			assertThat(gone.statusCode()).as(what).isEqualTo(410);
			assertThat(gone.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
			JsonNode problem = this.json.readTree(gone.body());
			assertThat(problem.get("replacedBy").asString()).as(what).isEqualTo(LINKS);
			assertThat(problem.get("detail").asString()).as(what).contains(LINKS, "token");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from share_link", Integer.class)).isZero();
	}

	@Test
	void aTokenNeverOpensAClinicPage() {
		String id = createLink("Page Clinic");
		for (String path : List.of("/clinic", "/clinic/links/" + id, "/clinic/links/new", "/clinic/account/tokens",
				"/clinic/submissions.csv", "/clinic/links/" + id + "/submissions.csv")) {
			Browserless.Page page = new Browserless(this.port).withHeader("Authorization", "Bearer " + this.token)
				.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).endsWith("/clinic/sign-in");
		}
		Browserless.Page posted = new Browserless(this.port).withHeader("Authorization", "Bearer " + this.token)
			.postWithout("/clinic/links/new", Map.of("clinicName", "Token Clinic", "days", "30"), null);
		assertThat(posted.status()).isIn(302, 401, 403);
		assertThat(this.jdbc.queryForObject("select count(*) from share_link", Integer.class)).isEqualTo(1);
	}

	@Test
	void usingATokenIsShownOnTheTokensPage() {
		assertThat(this.physio.get("/clinic/account/tokens").document().selectFirst("tbody tr").text())
			.contains("Clinic software", "Never");
		assertThat(get(LINKS, this.token).statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select last_used_at from api_token", java.sql.Timestamp.class).toInstant())
			.isBetween(this.clock.instant().minusSeconds(1), this.clock.instant().plusSeconds(1));
		assertThat(this.physio.get("/clinic/account/tokens").document().selectFirst("tbody tr").text())
			.contains("Clinic software")
			.doesNotContain("Never");
	}

	private String createLink(String clinicName) {
		HttpResponse<String> created = post(this.token, "{\"clinicName\": \"" + clinicName + "\", \"days\": 30}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return this.json.readTree(created.body()).get("id").asString();
	}

	private String clientPath(String id) {
		for (JsonNode link : this.json.readTree(get(LINKS, this.token).body())) {
			if (link.get("id").asString().equals(id)) {
				return link.get("clientUrl").asString().replaceFirst("^https?://[^/]+", "");
			}
		}
		throw new AssertionError("no link " + id);
	}

	/** A runner in pain down one leg, with some risk factors. */
	private static RunnerFixture runner() {
		return RunnerFixture.calm()
			.with(Question.LONGEST_RUN_KM, 15.0)
			.with(Question.CONDITIONS, Set.of(Condition.PREVIOUS_SCIATICA))
			.inPain(Pain.ONE_LEG, 5, 4);
	}

	/** A client answers through the link and agrees to share, as on the pages. */
	private void shareAsAClient(String client, String reference) {
		Browserless user = new Browserless(this.port);
		assertThat(user.get(client).status()).isEqualTo(200);
		user.get(client + "/assessment");
		user.post(client + "/safety", RunnerFixture.safetyNo());
		Map<String, String> answers = new LinkedHashMap<>(runner().page());
		assertThat(user.post(client + "/result", answers).status()).isEqualTo(200);
		answers.put("share", "true");
		answers.put("reference", reference);
		Browserless.Page shared = user.post(client + "/consent", answers);
		assertThat(shared.status()).as(shared.body()).isEqualTo(302);
	}

	private HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder request = this.api.request(path).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.api.send(request);
	}

	private HttpResponse<String> post(String token, String body) {
		return this.api.send(this.api.request(LINKS)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body)));
	}

	private List<String> events() {
		return this.jdbc.queryForList("select kind || ' ' || coalesce(detail, '') from access_event", String.class);
	}

}
