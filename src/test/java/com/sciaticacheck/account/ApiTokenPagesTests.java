package com.sciaticacheck.account;

import java.util.List;
import java.util.Map;

import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.system.Tokens;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's page of personal access tokens, over real HTTP with a signed-in session:
 * a new token is shown once and stored only as its hash, revoking one is logged and takes
 * effect at once, and the forms need the session and its CSRF token.
 */
@RunningAppTest
class ApiTokenPagesTests {

	static final String PAGE = "/clinic/account/tokens";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private Browserless physio;

	@BeforeEach
	void signedIn() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.physio = new Browserless(this.port);
		ClinicAccounts.signIn(this.physio, this.jdbc, "tokens@example.com");
	}

	@Test
	void aNewTokenIsShownOnceAndStoredOnlyAsItsHash() {
		Document empty = this.physio.get(PAGE).document();
		assertThat(empty.selectFirst("h1").text()).isEqualTo("API tokens");
		assertThat(empty.text()).contains("You have no tokens yet.");

		Browserless.Page created = this.physio.post(PAGE, Map.of("name", "Clinic software"));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.header("Cache-Control")).hasValue("no-store");
		Document shown = created.document();
		String token = shown.getElementById("token").val();
		assertThat(token).matches("sck_[A-Za-z0-9_-]{43}");
		assertThat(shown.text()).contains("Copy this token now. We will not show it again.",
				"Token for Clinic software");
		assertThat(shown.selectFirst("button[data-copy=token]")).isNotNull();

		assertThat(this.jdbc.queryForObject("select token_hash from api_token", String.class))
			.isEqualTo(Tokens.hash(token));
		assertThat(this.jdbc.queryForList("select * from api_token").toString()).doesNotContain(token,
				token.substring(4));
		Browserless.Page list = this.physio.get(PAGE);
		assertThat(list.body()).doesNotContain(token, token.substring(4));
		assertThat(list.document().selectFirst("tbody tr").text()).contains("Clinic software", "UTC", "Never");
		assertThat(list.document().selectFirst("h2").text()).isEqualTo("Your tokens (1 of 10)");
		assertThat(events()).containsExactly("TOKEN_CREATED Clinic software");
	}

	@Test
	void revokingATokenDeletesItAndIsLogged() {
		ClinicAccounts.apiToken(this.physio, "Old software");
		ClinicAccounts.apiToken(this.physio, "New software");
		Document page = this.physio.get(PAGE).document();
		assertThat(page.select("tbody tr")).extracting((row) -> row.selectFirst("td").text())
			.containsExactly("New software", "Old software");
		String revoke = page.select("tbody tr").get(1).selectFirst("form").attr("action");
		Browserless.Page revoked = this.physio.post(revoke, Map.of());
		assertThat(revoked.status()).isEqualTo(302);
		Document after = this.physio.follow(revoked).document();
		assertThat(after.selectFirst("[role=status]").text()).isEqualTo("The token is revoked. It no longer works.");
		assertThat(after.select("tbody tr")).extracting((row) -> row.selectFirst("td").text())
			.containsExactly("New software");
		assertThat(this.jdbc.queryForList("select name from api_token", String.class)).containsExactly("New software");
		assertThat(events()).contains("TOKEN_REVOKED Old software");
		assertThat(this.physio.post(revoke, Map.of()).status()).as("revoked already").isEqualTo(404);
	}

	@Test
	void anotherAccountCannotRevokeATokenItDoesNotHold() {
		ClinicAccounts.apiToken(this.physio, "Mine");
		String revoke = this.physio.get(PAGE).document().selectFirst("tbody form").attr("action");
		Browserless other = new Browserless(this.port);
		ClinicAccounts.signIn(other, this.jdbc, "other-tokens@example.com");
		other.get(PAGE);
		assertThat(other.post(revoke, Map.of()).status()).isEqualTo(404);
		assertThat(this.jdbc.queryForList("select name from api_token", String.class)).containsExactly("Mine");
	}

	@Test
	void theTokenPagesNeedACompleteSignIn() {
		ClinicAccounts.apiToken(this.physio, "Mine");
		String revoke = this.physio.get(PAGE).document().selectFirst("tbody form").attr("action");
		Browserless stranger = new Browserless(this.port);
		Browserless.Page page = stranger.get(PAGE);
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/clinic/sign-in");
		stranger.get("/clinic/sign-in");
		for (String path : List.of(PAGE, revoke)) {
			Browserless.Page posted = stranger.post(path, Map.of("name", "Stranger's"));
			assertThat(posted.status()).as(path).isIn(302, 403);
			assertThat(posted.body()).as(path).doesNotContain("sck_");
		}
		assertThat(this.jdbc.queryForList("select name from api_token", String.class)).containsExactly("Mine");
	}

	@Test
	void theTokenFormsNeedTheirCsrfToken() {
		ClinicAccounts.apiToken(this.physio, "Mine");
		String revoke = this.physio.get(PAGE).document().selectFirst("tbody form").attr("action");
		for (String token : new String[] { null, "forged" }) {
			assertThat(this.physio.postWithout(PAGE, Map.of("name", "Forged"), token).status()).isEqualTo(403);
			assertThat(this.physio.postWithout(revoke, Map.of(), token).status()).isEqualTo(403);
		}
		assertThat(this.jdbc.queryForList("select name from api_token", String.class)).containsExactly("Mine");
	}

	@Test
	void namesAreCheckedAndAnAccountHoldsTenTokensAtMost() {
		this.physio.get(PAGE);
		for (String name : List.of("", "   ", "n".repeat(61), "Clinic\u202Esoftware", "Line\nbreak")) {
			Browserless.Page refused = this.physio.post(PAGE, Map.of("name", name));
			Document page = refused.document();
			assertThat(page.getElementById("token")).as(name).isNull();
			assertThat(page.selectFirst("#name-error")).as(name).isNotNull();
			assertThat(page.selectFirst(".error-summary a[href=#name]")).as(name).isNotNull();
			assertThat(page.title()).as(name).startsWith("Error:");
		}
		assertThat(this.physio.post(PAGE, Map.of("name", "n".repeat(61))).document().selectFirst("#name-error").text())
			.contains("Enter 60 characters or fewer");
		assertThat(this.jdbc.queryForObject("select count(*) from api_token", Integer.class)).isZero();

		for (int i = 1; i <= 10; i++) {
			ClinicAccounts.apiToken(this.physio, "Software " + i);
		}
		Browserless.Page eleventh = this.physio.post(PAGE, Map.of("name", "One too many"));
		assertThat(eleventh.document().getElementById("token")).isNull();
		assertThat(eleventh.document().selectFirst("#name-error").text()).contains("You have 10 tokens");
		assertThat(this.jdbc.queryForObject("select count(*) from api_token", Integer.class)).isEqualTo(10);
	}

	private List<String> events() {
		return this.jdbc.queryForList("select kind || ' ' || coalesce(detail, '') from access_event "
				+ "where kind like 'TOKEN_%' order by id", String.class);
	}

}
