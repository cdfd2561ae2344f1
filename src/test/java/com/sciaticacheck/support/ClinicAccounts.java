package com.sciaticacheck.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import com.sciaticacheck.system.Tokens;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Physios with clinic accounts for tests that are about something else: an account made
 * straight in the database (confirmed, with one browser already trusted), then signed in
 * over real HTTP through the password form, as a physio does. Tests of signing up and in
 * themselves go through every page instead.
 */
public final class ClinicAccounts {

	/** The cookie of a trusted browser, over plain HTTP as in tests. */
	public static final String DEVICE_COOKIE = "device";

	/** The password of every account made here. */
	public static final String PASSWORD = "a long test password";

	private static final String PASSWORD_HASH = PasswordEncoderFactories.createDelegatingPasswordEncoder()
		.encode(PASSWORD);

	private ClinicAccounts() {
	}

	/** An account made in the database; the id it got. */
	public static long create(JdbcTemplate jdbc, String email, String displayName) {
		jdbc.update(
				"insert into account (email, display_name, password_hash, email_confirmed_at, created_at) "
						+ "values (?, ?, ?, ?, ?)",
				email, displayName, PASSWORD_HASH, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
		Long id = jdbc.queryForObject("select id from account where email = ?", Long.class, email);
		return id;
	}

	/**
	 * Makes the account if needed, trusts the client's browser for it, and signs in with
	 * the password: the client then holds a complete session, as after any sign-in, has
	 * opened the dashboard, and holds the CSRF token (new at sign-in) that its clinic
	 * forms now carry.
	 */
	public static long signIn(Browserless client, JdbcTemplate jdbc, String email) {
		long id = account(jdbc, email);
		client.withCookie(DEVICE_COOKIE, trustNewDevice(jdbc, id));
		client.get("/clinic/sign-in");
		Browserless.Page signedIn = client.post("/clinic/sign-in", Map.of("email", email, "password", PASSWORD));
		assertThat(signedIn.status()).as("sign-in of " + email).isEqualTo(302);
		// to the dashboard, or back to the clinic page that asked for the sign-in
		assertThat(signedIn.location()).as("sign-in of " + email)
			.matches("https?://[^/]+/clinic(/[^?]*)?(\\?continue)?");
		assertThat(client.get("/clinic").status()).as("the dashboard of " + email).isEqualTo(200);
		// a page with a form, for the session's CSRF token, new since the sign-in
		client.get("/clinic/links/new");
		return id;
	}

	/** The account of the address, made if there is none yet; the id it has. */
	public static long account(JdbcTemplate jdbc, String email) {
		Long existing = jdbc.query("select id from account where email = ?", (rs) -> rs.next() ? rs.getLong(1) : null,
				email);
		return (existing != null) ? existing : create(jdbc, email, "Clinic of " + email);
	}

	/**
	 * Trusts one more browser for the account, as if it had confirmed an emailed code:
	 * the value of the {@link #DEVICE_COOKIE} that browser then holds.
	 */
	public static String trustNewDevice(JdbcTemplate jdbc, long accountId) {
		String device = Tokens.generate();
		jdbc.update(
				"insert into trusted_device (token_hash, account_id, description, created_at, last_used_at) "
						+ "values (?, ?, 'Test browser', ?, ?)",
				Tokens.hash(device), accountId, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
		return device;
	}

	/**
	 * A personal access token made on the signed-in client's tokens page, as a physio
	 * makes one: the only time it is shown.
	 */
	public static String apiToken(Browserless client, String name) {
		client.get("/clinic/account/tokens");
		Browserless.Page created = client.post("/clinic/account/tokens", Map.of("name", name));
		assertThat(created.status()).as("token " + name).isEqualTo(200);
		return created.document().getElementById("token").val();
	}

	/** Deletes every account, with its links, answers, tokens and events. */
	public static void deleteAll(JdbcTemplate jdbc) {
		jdbc.update("delete from submission");
		jdbc.update("delete from share_link");
		jdbc.update("delete from spring_session");
		jdbc.update("delete from user_credentials");
		jdbc.update("delete from user_entities");
		jdbc.update("delete from account");
	}

}
