package com.sciaticacheck.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.TestClockConfiguration;
import com.sciaticacheck.system.Tokens;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * Sign-in attempts, limited per account (from any address) and per client address (for
 * any accounts), counted in the database: a refused attempt is a 429 with Retry-After and
 * a page that says how long to wait, before any password is checked. Clients reach the
 * app through a trusted proxy, each at the address it names.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.forward-headers-strategy=native", "sciatica.account.sign-ins-per-account=3",
				"sciatica.account.sign-ins-per-address=5", "sciatica.account.sign-in-window=15m" })
@Import(TestClockConfiguration.class)
class SignInLimitTests {

	private static final String EMAIL = "limited@example.org";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void cleanStart() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.jdbc.update("delete from rate_limit");
		this.clock.set(Instant.now());
	}

	/** A sign-in with the password form, from a browser at the address. */
	private Browserless.Page signIn(String address, String email, String password) {
		Browserless browser = new Browserless(this.port).from(address);
		browser.get("/clinic/sign-in");
		return browser.post("/clinic/sign-in", Map.of("email", email, "password", password));
	}

	/** The hits counted in the database for a bucket of {@link SignInLimit}. */
	private Integer hits(String bucket) {
		return this.jdbc.query("select hits from rate_limit where bucket = ?", (rs) -> rs.next() ? rs.getInt(1) : null,
				Tokens.hash(bucket));
	}

	private static void assertRefused(Browserless.Page refused, String retryAfter, String minutes) {
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue(retryAfter);
		Document page = refused.document();
		assertThat(page.selectFirst("h1").text()).isEqualTo("Too many tries");
		assertThat(page.text()).contains("There were too many tries to sign in. Please try again in " + minutes + ".");
		assertThat(page.selectFirst("a[href=/clinic/forgot-password]")).isNotNull();
	}

	@Test
	void wrongPasswordsForOneAccountFromManyAddressesLockItEvenForTheRightOne() {
		ClinicAccounts.create(this.jdbc, EMAIL, "Limited Clinic");
		for (int i = 1; i <= 3; i++) {
			Browserless.Page wrong = signIn("198.51.100." + i, EMAIL, "not the password " + i);
			assertThat(wrong.status()).isEqualTo(302);
			assertThat(wrong.location()).endsWith("/clinic/sign-in?error");
		}
		assertThat(hits("sign-in-account:" + EMAIL)).as("counted in the database").isEqualTo(3);

		// the address is typed differently, and the password is right: still refused
		Browserless.Page refused = signIn("198.51.100.4", "  Limited@Example.ORG ", ClinicAccounts.PASSWORD);
		assertRefused(refused, "900", "15 minutes");
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
				Integer.class, EMAIL))
			.as("no session signed in")
			.isZero();

		// other accounts from the same addresses are not held back
		ClinicAccounts.signIn(new Browserless(this.port).from("198.51.100.1"), this.jdbc, "other@example.org");

		this.clock.advance(Duration.ofMinutes(10));
		assertRefused(signIn("198.51.100.5", EMAIL, ClinicAccounts.PASSWORD), "300", "5 minutes");
		this.clock.advance(Duration.ofMinutes(5));
		Browserless browser = new Browserless(this.port).from("198.51.100.6");
		ClinicAccounts.signIn(browser, this.jdbc, EMAIL);
		assertThat(browser.get("/clinic").status()).as("a new window").isEqualTo(200);
	}

	/**
	 * The limit reads the path as the sign-in does, decoded: a sign-in at an address
	 * written with an escaped letter is still counted and refused. Failing before:
	 * {@code expected: 429 but was: 302}, every try of the escaped address went through.
	 */
	@Test
	void anEscapedSignInAddressIsCountedAsTheSignIn() {
		ClinicAccounts.create(this.jdbc, EMAIL, "Limited Clinic");
		for (int i = 1; i <= 3; i++) {
			Browserless browser = new Browserless(this.port).from("198.51.100." + i);
			browser.get("/clinic/sign-in");
			assertThat(browser.post("/clinic/sign-%69n", Map.of("email", EMAIL, "password", "guess " + i)).location())
				.endsWith("/clinic/sign-in?error");
		}
		Browserless browser = new Browserless(this.port).from("198.51.100.9");
		browser.get("/clinic/sign-in");
		assertRefused(browser.post("/clinic/sign-%69n", Map.of("email", EMAIL, "password", ClinicAccounts.PASSWORD)),
				"900", "15 minutes");
	}

	@Test
	void oneAddressTryingManyAccountsIsRefusedAfterItsLimit() {
		for (int i = 1; i <= 5; i++) {
			String email = "account" + i + "@example.org";
			ClinicAccounts.create(this.jdbc, email, "Clinic " + i);
			assertThat(signIn("203.0.113.9", email, "a guess at the password").location())
				.endsWith("/clinic/sign-in?error");
		}
		ClinicAccounts.create(this.jdbc, EMAIL, "Limited Clinic");
		assertRefused(signIn("203.0.113.9", EMAIL, ClinicAccounts.PASSWORD), "900", "15 minutes");
		assertThat(hits("sign-in-address:203.0.113.9")).isEqualTo(5);
		assertThat(hits("sign-in-account:" + EMAIL)).as("a refused address uses none of the account's").isNull();

		// the same account from another address signs in
		Browserless elsewhere = new Browserless(this.port).from("203.0.113.10");
		ClinicAccounts.signIn(elsewhere, this.jdbc, EMAIL);
		assertThat(elsewhere.get("/clinic").status()).isEqualTo(200);
	}

	/** One subscriber holds a whole IPv6 /64, so it is counted as one address. */
	@Test
	void ipv6AddressesAreCountedByTheirSlash64() {
		for (int i = 1; i <= 5; i++) {
			assertThat(signIn("2001:db8:7:7::" + i, "nobody" + i + "@example.org", "a guess at the password").status())
				.isEqualTo(302);
		}
		assertThat(signIn("2001:db8:7:7:ffff::1", "nobody@example.org", "a guess").status()).isEqualTo(429);
		assertThat(signIn("2001:db8:7:8::1", "nobody@example.org", "a guess").status()).isEqualTo(302);
	}

	/**
	 * A passkey attempt counts for the address as a password does, and a refused one is a
	 * bare 429 with Retry-After, which the passkey script turns into its message.
	 */
	@Test
	void passkeyAttemptsCountForTheAddressToo() throws Exception {
		Browserless browser = new Browserless(this.port).from("192.0.2.50");
		Element passkey = browser.get("/clinic/sign-in").document().selectFirst("[data-passkey-sign-in]");
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest attempt = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login/webauthn"))
			.header("X-Forwarded-For", "192.0.2.50")
			.header("Cookie", "session=" + browser.cookie("session").orElseThrow())
			.header(passkey.attr("data-csrf-header"), passkey.attr("data-csrf-token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"not a passkey\"}"))
			.build();
		for (int i = 1; i <= 4; i++) {
			assertThat(http.send(attempt, HttpResponse.BodyHandlers.ofString()).statusCode()).as("attempt %d", i)
				.isEqualTo(401);
		}
		assertThat(browser.post("/clinic/sign-in", Map.of("email", EMAIL, "password", "a guess")).location())
			.as("the fifth attempt, by password")
			.endsWith("?error");
		HttpResponse<String> refused = http.send(attempt, HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
		assertThat(hits("sign-in-address:192.0.2.50")).isEqualTo(5);
	}

}
