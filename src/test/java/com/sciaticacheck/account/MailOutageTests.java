package com.sciaticacheck.account;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail server is down: a page that would send mail says it could not, keeps what was
 * typed, and never claims a mail is on its way or answers 500; a password reset still
 * changes the password, as only its notice is lost.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class MailOutageTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmailedTokens tokens;

	@DynamicPropertySource
	static void deadMailServer(DynamicPropertyRegistry registry) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		// a port nothing listens on any more: every connection is refused
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> closed);
	}

	@BeforeEach
	void noAccounts() {
		ClinicAccounts.deleteAll(this.jdbc);
	}

	@Test
	void signUpSaysTheMailCouldNotBeSentAndKeepsTheAnswers() {
		Browserless visitor = new Browserless(this.port);
		visitor.get("/clinic/sign-up");
		Browserless.Page page = visitor.post("/clinic/sign-up", Map.of("displayName", "Harbour Physio", "email",
				"new@example.org", "password", "maple river lantern 42"));
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.document().selectFirst(".error-summary").text())
			.contains("We could not send the email just now");
		assertThat(page.document().getElementById("email").val()).isEqualTo("new@example.org");
		assertThat(page.document().getElementById("displayName").val()).isEqualTo("Harbour Physio");
	}

	@Test
	void forgotPasswordSaysTheMailCouldNotBeSent() {
		ClinicAccounts.create(this.jdbc, "holder@example.org", "Holder Physio");
		Browserless visitor = new Browserless(this.port);
		visitor.get("/clinic/forgot-password");
		Browserless.Page page = visitor.post("/clinic/forgot-password", Map.of("email", "holder@example.org"));
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.document().selectFirst(".error-summary").text())
			.contains("We could not send the email just now");
		assertThat(page.document().select(".notice-success")).isEmpty();
	}

	@Test
	void aResetStillChangesThePasswordWhenItsNoticeCannotBeSent() {
		long id = ClinicAccounts.create(this.jdbc, "reset@example.org", "Reset Physio");
		// a passkey someone added while they were in: the reset removes it
		this.jdbc.update("insert into user_entities (id, name, display_name) values ('owner', ?, 'Reset')",
				"reset@example.org");
		this.jdbc.update(
				"insert into user_credentials (credential_id, user_entity_user_id, public_key, "
						+ "backup_eligible, backup_state, label) values ('key', 'owner', ?, false, false, 'Laptop')",
				new byte[] { 1, 2, 3 });
		String token = this.tokens.issue(id, EmailedTokens.Purpose.RESET_PASSWORD, java.time.Duration.ofMinutes(30));
		Browserless visitor = new Browserless(this.port);
		visitor.get("/clinic/reset-password?token=" + token);
		Browserless.Page reset = visitor.post("/clinic/reset-password",
				Map.of("token", token, "password", "a brand new long password"));
		assertThat(reset.status()).isEqualTo(302);
		assertThat(reset.location()).endsWith("/clinic/sign-in?reset");
		String hash = this.jdbc.queryForObject("select password_hash from account where id = ?", String.class, id);
		assertThat(
				org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder()
					.matches("a brand new long password", hash))
			.isTrue();
	}

}
