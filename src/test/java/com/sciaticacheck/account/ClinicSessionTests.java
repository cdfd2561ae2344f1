package com.sciaticacheck.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.TestClockConfiguration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server sessions of clinic pages, over real HTTP: the cookie's name and attributes over
 * HTTP and over HTTPS (through a trusted proxy, which is how the app sees HTTPS in
 * production), a new session id at sign-in, the idle and absolute timeouts, signing out,
 * session-bound CSRF tokens, and no session at all for the runner's pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.forward-headers-strategy=native", "sciatica.account.sign-ins-per-address=1000",
				"sciatica.account.sign-ins-per-account=1000" })
@Import(TestClockConfiguration.class)
class ClinicSessionTests {

	private static final String EMAIL = "sessions@example.org";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private EmailedTokens tokens;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	@AfterEach
	void cleanStart() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.jdbc.update("delete from rate_limit");
		this.clock.set(Instant.now());
	}

	private int sessions() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Integer.class);
	}

	/** The {@code Set-Cookie} header of the named cookie, if the response sets it. */
	private static Optional<String> setCookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith(name + "="))
			.findFirst();
	}

	private static Optional<String> setCookie(Browserless.Page page, String name) {
		return setCookie(page.response(), name);
	}

	private static List<String> attributes(String setCookie) {
		return List.of(setCookie.split(";\\s*"));
	}

	@Test
	void overHttpTheSessionCookieIsSessionHttpOnlyLaxOnTheWholeSiteAndNotSecure() {
		Browserless physio = new Browserless(this.port);
		String cookie = setCookie(physio.get("/clinic/sign-in"), "session").orElseThrow();
		assertThat(attributes(cookie)).contains("Path=/", "HttpOnly", "SameSite=Lax")
			.noneMatch((attribute) -> attribute.equalsIgnoreCase("Secure"))
			.noneMatch((attribute) -> attribute.startsWith("Domain="));
		assertThat(setCookie(physio.get("/clinic/sign-in"), "__Host-session")).isEmpty();
	}

	/**
	 * Behind a TLS-terminating proxy the app trusts: {@code __Host-session}, Secure, and
	 * the plain cookie is not read over HTTPS, so one set over HTTP never counts there.
	 */
	@Test
	void overHttpsTheSessionCookieIsHostPrefixedAndSecure() throws Exception {
		HttpResponse<String> signInPage = send(
				HttpRequest.newBuilder(uri("/clinic/sign-in")).header("X-Forwarded-Proto", "https").GET());
		String cookie = setCookie(signInPage, "__Host-session").orElseThrow();
		assertThat(attributes(cookie)).contains("Path=/", "HttpOnly", "SameSite=Lax", "Secure")
			.noneMatch((attribute) -> attribute.startsWith("Domain="));
		assertThat(setCookie(signInPage, "session")).isEmpty();

		// the whole sign-in over HTTPS: the session holds, its cookie changes at sign-in
		long id = ClinicAccounts.create(this.jdbc, EMAIL, "Harbour Physio");
		String device = ClinicAccounts.trustNewDevice(this.jdbc, id);
		String before = cookie.split(";")[0];
		String token = Jsoup.parse(signInPage.body()).selectFirst("input[name=_csrf]").val();
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/clinic/sign-in"))
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", before + "; __Host-device=" + device)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + EMAIL + "&password="
					+ ClinicAccounts.PASSWORD.replace(' ', '+') + "&_csrf=" + encode(token))));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		// to the proxy's scheme and port (443, as it names none): where the browser goes
		// on
		assertThat(signedIn.headers().firstValue("Location")).hasValue("https://127.0.0.1/clinic");
		String after = setCookie(signedIn, "__Host-session").orElseThrow();
		assertThat(attributes(after)).contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
		String sessionCookie = after.split(";")[0];
		assertThat(sessionCookie).isNotEqualTo(before);
		HttpResponse<String> dashboard = send(HttpRequest.newBuilder(uri("/clinic"))
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", sessionCookie)
			.GET());
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(dashboard.body()).selectFirst("h1").text()).contains("Harbour Physio");

		// the same id in a plain-HTTP cookie is not read over HTTPS, nor the secure one
		// over HTTP
		String sessionId = sessionCookie.split("=", 2)[1];
		assertThat(send(HttpRequest.newBuilder(uri("/clinic"))
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", "session=" + sessionId)
			.GET()).statusCode()).isEqualTo(302);
		assertThat(send(HttpRequest.newBuilder(uri("/clinic")).header("Cookie", sessionCookie).GET()).statusCode())
			.isEqualTo(302);
	}

	@Test
	void signingInGivesTheSessionANewIdAndTheOldOneOpensNothing() {
		Browserless physio = new Browserless(this.port);
		physio.get("/clinic/sign-in");
		String before = physio.cookie("session").orElseThrow();
		ClinicAccounts.signIn(physio, this.jdbc, EMAIL);
		String after = physio.cookie("session").orElseThrow();
		assertThat(after).isNotEqualTo(before);
		assertThat(physio.get("/clinic").status()).isEqualTo(200);

		Browserless attacker = new Browserless(this.port).withCookie("session", before);
		Browserless.Page refused = attacker.get("/clinic");
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/clinic/sign-in");
	}

	/**
	 * A session that signed in with a password on a new device sees nothing until its
	 * code is in, not even the account's passkey ids; the code then gives it a new
	 * session id, so an id planted while it waited is worth nothing.
	 */
	@Test
	void aSessionAwaitingItsCodeGetsNoPasskeyOptionsAndTheCodeGivesItANewId() throws Exception {
		long id = ClinicAccounts.create(this.jdbc, EMAIL, "Session Clinic");
		Browserless physio = new Browserless(this.port);
		physio.get("/clinic/sign-in");
		Browserless.Page half = physio.post("/clinic/sign-in",
				Map.of("email", EMAIL, "password", ClinicAccounts.PASSWORD));
		assertThat(half.location()).endsWith("/clinic/sign-in/device");
		physio.get("/clinic/sign-in/device");
		assertThat(physio.postWithout("/webauthn/register/options", Map.of(), physio.clinicToken()).status())
			.isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select count(*) from user_entities", Integer.class)).isZero();

		String waiting = physio.cookie("session").orElseThrow();
		String code = this.tokens.issue(id, EmailedTokens.Purpose.NEW_DEVICE, Duration.ofMinutes(15));
		Browserless.Page confirmed = physio.post("/clinic/sign-in/device", Map.of("code", code));
		assertThat(confirmed.location()).endsWith("/clinic");
		assertThat(physio.cookie("session")).isPresent().get().isNotEqualTo(waiting);
		assertThat(physio.get("/clinic").status()).isEqualTo(200);
		Browserless.Page planted = new Browserless(this.port).withCookie("session", waiting).get("/clinic");
		assertThat(planted.status()).isEqualTo(302);
	}

	/** An address as long as addresses go (254 characters) signs in like any other. */
	@Test
	void theLongestEmailAddressSignsIn() {
		String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org";
		assertThat(email).hasSize(254);
		ClinicAccounts.create(this.jdbc, email, "Long Address Clinic");
		Browserless physio = new Browserless(this.port);
		ClinicAccounts.signIn(physio, this.jdbc, email);
		assertThat(physio.get("/clinic").status()).isEqualTo(200);
	}

	/**
	 * The page asked for before signing in is remembered by its address alone: the
	 * session, which lives in the database, never holds the trusted-device cookie that
	 * came with it.
	 */
	@Test
	void theRememberedPageKeepsOnlyItsAddress() {
		long id = ClinicAccounts.create(this.jdbc, EMAIL, "Session Clinic");
		String device = ClinicAccounts.trustNewDevice(this.jdbc, id);
		Browserless physio = new Browserless(this.port).withCookie("device", device);
		assertThat(physio.get("/clinic/account").location()).endsWith("/clinic/sign-in");
		List<byte[]> stored = this.jdbc.queryForList("select attribute_bytes from spring_session_attributes",
				byte[].class);
		assertThat(stored).isNotEmpty()
			.noneMatch((bytes) -> new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(device));
		physio.get("/clinic/sign-in");
		Browserless.Page signedIn = physio.post("/clinic/sign-in",
				Map.of("email", EMAIL, "password", ClinicAccounts.PASSWORD));
		assertThat(signedIn.location()).endsWith("/clinic/account");
	}

	/**
	 * The runner's check and the API run without a server session: no cookie, no row, on
	 * every page of a whole check.
	 */
	@Test
	void theRunnersCheckNeverMakesASession() {
		Browserless runner = new Browserless(this.port);
		List<Browserless.Page> pages = new ArrayList<>();
		pages.add(runner.get("/"));
		pages.add(runner.get("/assessment"));
		pages.add(runner.post("/assessment/safety", RunnerFixture.safetyNo()));
		Browserless.Page result = runner.post("/assessment/result", RunnerFixture.calm().page());
		pages.add(result);
		pages.add(runner.get("/how-scoring-works"));
		pages.add(runner.postJson("/api/v2/assessments", RunnerFixture.calm().json()));
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.document().text()).contains("out of 100");
		assertThat(pages).allSatisfy((page) -> {
			assertThat(setCookie(page, "session")).as(page.response().uri().toString()).isEmpty();
			assertThat(setCookie(page, "JSESSIONID")).as(page.response().uri().toString()).isEmpty();
		});
		assertThat(runner.cookie("session")).isEmpty();
		assertThat(sessions()).isZero();
	}

	/** Nor does a client answering through a physio's link, up to the shared result. */
	@Test
	void aClientAnsweringThroughALinkMakesNoSessionEither() {
		Browserless physio = new Browserless(this.port);
		ClinicAccounts.signIn(physio, this.jdbc, EMAIL);
		physio.get("/clinic/links/new");
		Browserless.Page created = physio.post("/clinic/links/new",
				Map.of("clinicName", "Riverside Physio", "days", "30"));
		String link = physio.follow(created)
			.document()
			.getElementById("client-url")
			.val()
			.replaceFirst("^https?://[^/]+", "");
		assertThat(sessions()).as("the physio's").isEqualTo(1);

		Browserless client = new Browserless(this.port);
		List<Browserless.Page> pages = new ArrayList<>();
		pages.add(client.get(link));
		pages.add(client.get(link + "/assessment"));
		pages.add(client.post(link + "/safety", RunnerFixture.safetyNo()));
		Map<String, String> answers = RunnerFixture.calm().page();
		pages.add(client.post(link + "/result", answers));
		answers.put("share", "true");
		Browserless.Page shared = client.post(link + "/consent", answers);
		assertThat(shared.status()).isEqualTo(302);
		pages.add(shared);
		pages.add(client.follow(shared));
		assertThat(pages).allSatisfy((page) -> assertThat(setCookie(page, "session")).isEmpty());
		assertThat(client.cookie("session")).isEmpty();
		assertThat(sessions()).isEqualTo(1);
	}

	@Test
	void idleForThirtyMinutesSignsOut() {
		Browserless physio = new Browserless(this.port);
		ClinicAccounts.signIn(physio, this.jdbc, EMAIL);
		idle(Duration.ofMinutes(29));
		assertThat(physio.get("/clinic").status()).as("29 minutes idle").isEqualTo(200);
		idle(Duration.ofMinutes(29));
		assertThat(physio.get("/clinic").status()).as("29 more minutes, active in between").isEqualTo(200);
		idle(Duration.ofMinutes(30).plusSeconds(1));
		Browserless.Page expired = physio.get("/clinic");
		assertThat(expired.status()).isEqualTo(302);
		assertThat(expired.location()).endsWith("/clinic/sign-in");
	}

	/**
	 * Spring Session counts idle time with the real clock, so the session's row is made
	 * older instead of waiting: as if the physio had not been back for that long.
	 */
	private void idle(Duration duration) {
		this.jdbc.update(
				"update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?",
				duration.toMillis(), duration.toMillis());
	}

	@Test
	void twelveHoursAfterSigningInTheSessionEndsHoweverActive() {
		Browserless physio = new Browserless(this.port);
		ClinicAccounts.signIn(physio, this.jdbc, EMAIL);
		for (int hour = 1; hour < 12; hour++) {
			this.clock.advance(Duration.ofHours(1));
			assertThat(physio.get("/clinic").status()).as("after %d hours", hour).isEqualTo(200);
		}
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(physio.get("/clinic").status()).as("11 h 59 min").isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(1));
		Browserless.Page ended = physio.get("/clinic");
		assertThat(ended.status()).isEqualTo(302);
		assertThat(ended.location()).endsWith("/clinic/sign-in");
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
				Integer.class, EMAIL))
			.as("the ended session is deleted, not only refused")
			.isZero();
		// signing in again, back to the page asked for, starts a new 12 hours
		physio.follow(ended);
		Browserless.Page again = physio.post("/clinic/sign-in",
				Map.of("email", EMAIL, "password", ClinicAccounts.PASSWORD));
		assertThat(again.location()).endsWith("/clinic");
		this.clock.advance(Duration.ofHours(11));
		assertThat(physio.get("/clinic").status()).isEqualTo(200);
	}

	@Test
	void signingOutEndsThisSessionOnly() {
		Browserless desk = new Browserless(this.port);
		Browserless phone = new Browserless(this.port);
		ClinicAccounts.signIn(desk, this.jdbc, EMAIL);
		ClinicAccounts.signIn(phone, this.jdbc, EMAIL);
		String deskSession = desk.cookie("session").orElseThrow();
		desk.get("/clinic/links/new");
		Browserless.Page signedOut = desk.post("/clinic/sign-out", Map.of());
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.location()).endsWith("/clinic/sign-in?signedOut");
		assertThat(desk.follow(signedOut).document().text()).contains("You are signed out.");
		assertThat(desk.get("/clinic").status()).isEqualTo(302);
		assertThat(new Browserless(this.port).withCookie("session", deskSession).get("/clinic").status())
			.as("the old cookie, kept by someone")
			.isEqualTo(302);
		assertThat(phone.get("/clinic").status()).as("the other device").isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
				Integer.class, EMAIL))
			.isEqualTo(1);
	}

	@Test
	void signingOutEverywhereEndsEverySessionOfTheAccountAndNoOther() {
		Browserless desk = new Browserless(this.port);
		Browserless phone = new Browserless(this.port);
		Browserless someoneElse = new Browserless(this.port);
		ClinicAccounts.signIn(desk, this.jdbc, EMAIL);
		ClinicAccounts.signIn(phone, this.jdbc, EMAIL);
		ClinicAccounts.signIn(someoneElse, this.jdbc, "someone@example.org");
		String deskSession = desk.cookie("session").orElseThrow();

		desk.get("/clinic/account");
		Browserless.Page signedOut = desk.post("/clinic/account/sign-out-everywhere", Map.of());
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.location()).endsWith("/clinic/sign-in?signedOut");
		for (Browserless browser : List.of(desk, phone,
				new Browserless(this.port).withCookie("session", deskSession))) {
			Browserless.Page page = browser.get("/clinic");
			assertThat(page.status()).isEqualTo(302);
			assertThat(page.location()).endsWith("/clinic/sign-in");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
				Integer.class, EMAIL))
			.isZero();
		assertThat(someoneElse.get("/clinic").status()).as("another account").isEqualTo(200);
		// the browsers stay trusted: the password alone signs in again
		phone.get("/clinic/sign-in");
		assertThat(
				phone.post("/clinic/sign-in", Map.of("email", EMAIL, "password", ClinicAccounts.PASSWORD)).location())
			.endsWith("/clinic");
	}

	/**
	 * Clinic forms take only the token of their own session: none, a made-up one, the
	 * runner's cookie-signed one or another session's are all refused.
	 */
	@Test
	void clinicFormsNeedTheirSessionsCsrfToken() {
		Browserless physio = new Browserless(this.port);
		ClinicAccounts.signIn(physio, this.jdbc, EMAIL);
		Browserless other = new Browserless(this.port);
		ClinicAccounts.signIn(other, this.jdbc, "other@example.org");
		other.get("/clinic/links/new");
		String othersToken = other.clinicToken();
		String runnersToken = new Browserless(this.port).token();
		Map<String, String> form = Map.of("clinicName", "Forged Clinic", "days", "30");

		assertThat(physio.postWithout("/clinic/links/new", form, null).status()).isEqualTo(403);
		assertThat(physio.postWithout("/clinic/links/new", form, "made-up").status()).isEqualTo(403);
		assertThat(physio.postWithout("/clinic/links/new", form, othersToken).status()).isEqualTo(403);
		assertThat(physio.postWithout("/clinic/links/new", form, runnersToken).status()).isEqualTo(403);
		assertThat(physio.postWithout("/clinic/sign-out", Map.of(), null).status()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select count(*) from share_link", Integer.class)).isZero();
		assertThat(physio.get("/clinic").status()).as("still signed in").isEqualTo(200);

		physio.get("/clinic/links/new");
		assertThat(physio.post("/clinic/links/new", form).status()).isEqualTo(302);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
