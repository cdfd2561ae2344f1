package com.sciaticacheck.account;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.TestClockConfiguration;
import com.sciaticacheck.system.Tokens;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
 * The steps that go through the physio's mailbox, over real HTTP and a real SMTP server
 * (GreenMail): the confirmation link, the reset link and a new device's code each work
 * once and only until they expire (the test clock moves), opening a link never uses it up
 * (mail scanners open links; only the page's button does), a wrong code or a weak
 * password is an error next to its field, and signing up with an address that has an
 * account tells its holder instead of whoever typed it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sciatica.account.sign-ins-per-address=1000", "sciatica.account.sign-ins-per-account=1000" })
@Import(TestClockConfiguration.class)
class EmailedTokensTests {

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	private static final String EMAIL = "mailbox@example.org";

	private static final String PASSWORD = "maple river lantern 42";

	private static final String NEW_PASSWORD = "quiet harbour pebble 77";

	private static final Pattern CONFIRM_LINK = Pattern.compile("http://[^/\\s]+(/clinic/confirm\\?token=([\\w-]+))");

	private static final Pattern RESET_LINK = Pattern
		.compile("http://[^/\\s]+(/clinic/reset-password\\?token=([\\w-]+))");

	/** The code stands alone on its line in the mail. */
	private static final Pattern CODE = Pattern.compile("(?m)^([\\w-]{43})\\s*$");

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void cleanStart() throws Exception {
		ClinicAccounts.deleteAll(this.jdbc);
		this.jdbc.update("delete from rate_limit");
		// a time between two microseconds, as the system clock gives: the databases round
		// it, which must not move an expiry
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS).plusNanos(999_999));
		mail.purgeEmailFromAllMailboxes();
	}

	/** A message received for the address. */
	record Mail(String subject, String body) {

		String find(Pattern pattern, int group) {
			Matcher matcher = pattern.matcher(this.body);
			assertThat(matcher.find()).as("%s in:%n%s", pattern, this.body).isTrue();
			return matcher.group(group);
		}

	}

	/** Every message received for the address, oldest first. */
	private static List<Mail> mailTo(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter((message) -> isFor(message, address)).map((message) -> {
			try {
				return new Mail(message.getSubject(), message.getContent().toString().replace("\r\n", "\n"));
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static Mail lastMailTo(String address) {
		List<Mail> received = mailTo(address);
		assertThat(received).as("mail to " + address).isNotEmpty();
		return received.get(received.size() - 1);
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch((to) -> to.toString().equals(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Browserless.Page signUp(Browserless browser, String email, String password) {
		browser.get("/clinic/sign-up");
		return browser.post("/clinic/sign-up",
				Map.of("displayName", "Riverside Physio", "email", email, "password", password));
	}

	/** Signs up and returns the path of the confirmation link mailed. */
	private String signUpForLink(String email) {
		Browserless.Page sent = signUp(new Browserless(this.port), email, PASSWORD);
		assertThat(sent.location()).endsWith("/clinic/sign-up/sent");
		Mail confirm = lastMailTo(email);
		assertThat(confirm.subject()).isEqualTo("Confirm your email address");
		return confirm.find(CONFIRM_LINK, 1);
	}

	/** Opens the link, as the physio or a mail scanner would, and presses the button. */
	private Browserless.Page openAndPress(Browserless browser, String link) {
		Browserless.Page opened = browser.get(link);
		assertThat(opened.status()).isEqualTo(200);
		Element form = opened.document().selectFirst("main form[method=post]");
		assertThat(form).as("the page has the button").isNotNull();
		return browser.post(form.attr("action"), Map.of("token", form.selectFirst("input[name=token]").val()));
	}

	private int tokens() {
		return this.jdbc.queryForObject("select count(*) from account_token", Integer.class);
	}

	private boolean confirmed(String email) {
		return this.jdbc.queryForObject("select email_confirmed_at is not null from account where email = ?",
				Boolean.class, email);
	}

	@Test
	void theConfirmationLinkWorksOnceAndOpeningItUsesNothingUp() {
		String link = signUpForLink(EMAIL);
		// a mail scanner opens the link first, twice
		Browserless scanner = new Browserless(this.port);
		assertThat(scanner.get(link).document().selectFirst("h1").text()).isEqualTo("Confirm your email address");
		scanner.get(link);
		assertThat(tokens()).as("opening the link used nothing up").isEqualTo(1);
		assertThat(confirmed(EMAIL)).isFalse();

		Browserless physio = new Browserless(this.port);
		Browserless.Page pressed = openAndPress(physio, link);
		assertThat(pressed.status()).isEqualTo(302);
		assertThat(pressed.location()).endsWith("/clinic/sign-in?confirmed");
		assertThat(physio.follow(pressed).document().text()).contains("Your email address is confirmed.");
		assertThat(confirmed(EMAIL)).isTrue();

		Browserless.Page again = openAndPress(new Browserless(this.port), link);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.document().selectFirst(".error-summary").text())
			.contains("This link does not work. It may be used already, or too old.");

		// the browser that confirmed is trusted: the password is enough there
		physio.get("/clinic/sign-in");
		assertThat(physio.post("/clinic/sign-in", Map.of("email", EMAIL, "password", PASSWORD)).location())
			.endsWith("/clinic");
	}

	@Test
	void theConfirmationLinkExpiresAfter24Hours() {
		String late = signUpForLink("late@example.org");
		String inTime = signUpForLink("intime@example.org");
		this.clock.advance(Duration.ofHours(24).minusSeconds(1));
		assertThat(openAndPress(new Browserless(this.port), inTime).status()).isEqualTo(302);
		this.clock.advance(Duration.ofSeconds(1));
		Browserless.Page expired = openAndPress(new Browserless(this.port), late);
		assertThat(expired.status()).isEqualTo(400);
		assertThat(expired.document().text()).contains("This link does not work");
		assertThat(confirmed("late@example.org")).isFalse();
		Browserless browser = new Browserless(this.port);
		browser.get("/clinic/sign-in");
		assertThat(
				browser.post("/clinic/sign-in", Map.of("email", "late@example.org", "password", PASSWORD)).location())
			.as("an unconfirmed address cannot sign in")
			.endsWith("/clinic/sign-in?error");

		// signing up again sends a new link, which works
		String again = signUpForLink("late@example.org");
		assertThat(again).isNotEqualTo(late);
		assertThat(openAndPress(new Browserless(this.port), again).status()).isEqualTo(302);
		assertThat(confirmed("late@example.org")).isTrue();
	}

	@Test
	void signingUpWithAnAddressThatHasAnAccountAnswersTheSameAndMailsItsHolder() {
		ClinicAccounts.create(this.jdbc, EMAIL, "First Clinic");
		Browserless stranger = new Browserless(this.port);
		Browserless.Page sent = signUp(stranger, "MailBox@Example.ORG", "another long password 9");
		assertThat(sent.status()).isEqualTo(302);
		assertThat(sent.location()).endsWith("/clinic/sign-up/sent");
		assertThat(stranger.follow(sent).document().text()).contains("We sent you an email with a link.");

		Mail told = lastMailTo(EMAIL);
		assertThat(told.subject()).isEqualTo("Your clinic account");
		assertThat(told.body()).contains("You already have one.", "/clinic/sign-in", "/clinic/forgot-password")
			.doesNotContain("/clinic/confirm");
		assertThat(this.jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select display_name from account", String.class))
			.isEqualTo("First Clinic");
		assertThat(tokens()).isZero();
		// the holder's password is unchanged
		ClinicAccounts.signIn(new Browserless(this.port), this.jdbc, EMAIL);
	}

	@Test
	void shortAndCommonPasswordsAreRefusedNextToTheField() {
		assertPasswordRefused(signUp(new Browserless(this.port), EMAIL, "eleven char"), "Use at least 12 characters");
		assertPasswordRefused(signUp(new Browserless(this.port), EMAIL, "password1234"),
				"This password is too common. Choose one that is harder to guess.");
		assertPasswordRefused(signUp(new Browserless(this.port), EMAIL, "Password1234!"),
				"This password is too common. Choose one that is harder to guess.");
		assertThat(this.jdbc.queryForObject("select count(*) from account", Integer.class)).isZero();
		assertThat(mailTo(EMAIL)).isEmpty();

		ClinicAccounts.create(this.jdbc, EMAIL, "Riverside Physio");
		String link = requestReset(EMAIL);
		Browserless physio = new Browserless(this.port);
		physio.get(link);
		String token = physio.get(link).document().selectFirst("input[name=token]").val();
		assertPasswordRefused(physio.post("/clinic/reset-password", Map.of("token", token, "password", "too short")),
				"Use at least 12 characters");
		assertPasswordRefused(physio.post("/clinic/reset-password", Map.of("token", token, "password", "password1234")),
				"This password is too common. Choose one that is harder to guess.");
		assertThat(tokens()).as("a refused password uses up no link").isEqualTo(1);
		assertThat(physio.post("/clinic/reset-password", Map.of("token", token, "password", NEW_PASSWORD)).location())
			.endsWith("/clinic/sign-in?reset");
	}

	private static void assertPasswordRefused(Browserless.Page page, String message) {
		assertThat(page.status()).isEqualTo(200);
		Document shown = page.document();
		assertThat(shown.getElementById("password-error").text()).isEqualTo("Error: " + message);
		assertThat(shown.getElementById("password").attr("aria-describedby")).contains("password-error");
		assertThat(shown.select(".error-summary a[href=#password]").text()).isEqualTo(message);
	}

	/** Asks for a reset link on the page, and returns its path. */
	private String requestReset(String email) {
		Browserless browser = new Browserless(this.port);
		browser.get("/clinic/forgot-password");
		Browserless.Page sent = browser.post("/clinic/forgot-password", Map.of("email", email));
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.document().selectFirst(".notice-success")).isNotNull();
		Mail reset = lastMailTo(email);
		assertThat(reset.subject()).isEqualTo("Choose a new password");
		return reset.find(RESET_LINK, 1);
	}

	/**
	 * Opens the reset link and saves a new password with its form; a link that no longer
	 * works has no form, so its token is posted from another clinic page, as a form kept
	 * open in a tab would.
	 */
	private Browserless.Page reset(Browserless browser, String link, String password) {
		Element token = browser.get(link).document().selectFirst("input[name=token]");
		if (token == null) {
			browser.get("/clinic/forgot-password");
		}
		String value = (token != null) ? token.val() : link.substring(link.indexOf("token=") + 6);
		return browser.post("/clinic/reset-password", Map.of("token", value, "password", password));
	}

	@Test
	void theResetLinkWorksOnceAndOpeningItUsesNothingUp() {
		ClinicAccounts.create(this.jdbc, EMAIL, "Riverside Physio");
		String link = requestReset(EMAIL);
		Browserless scanner = new Browserless(this.port);
		assertThat(scanner.get(link).status()).isEqualTo(200);
		assertThat(scanner.get(link).document().selectFirst("h1").text()).isEqualTo("Choose a new password");
		assertThat(tokens()).isEqualTo(1);

		Browserless.Page saved = reset(new Browserless(this.port), link, NEW_PASSWORD);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/clinic/sign-in?reset");
		assertThat(lastMailTo(EMAIL).subject()).isEqualTo("Your password was changed");

		Browserless.Page opened = scanner.get(link);
		assertThat(opened.status()).isEqualTo(400);
		assertThat(opened.document().text()).contains("This link does not work");
		Browserless other = new Browserless(this.port);
		other.get("/clinic/forgot-password");
		Browserless.Page again = other.post("/clinic/reset-password",
				Map.of("token", link.substring(link.indexOf("token=") + 6), "password", "a third long password"));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.document().text()).contains("This link does not work");

		// the new password is the one that counts
		Browserless physio = new Browserless(this.port);
		physio.get("/clinic/sign-in");
		assertThat(
				physio.post("/clinic/sign-in", Map.of("email", EMAIL, "password", ClinicAccounts.PASSWORD)).location())
			.endsWith("?error");
		assertThat(physio.post("/clinic/sign-in", Map.of("email", EMAIL, "password", NEW_PASSWORD)).location())
			.as("a new device after a reset")
			.endsWith("/clinic/sign-in/device");
	}

	@Test
	void theResetLinkExpiresAfter30Minutes() {
		ClinicAccounts.create(this.jdbc, EMAIL, "Riverside Physio");
		String inTime = requestReset(EMAIL);
		this.clock.advance(Duration.ofMinutes(30).minusSeconds(1));
		assertThat(reset(new Browserless(this.port), inTime, NEW_PASSWORD).status()).isEqualTo(302);

		String late = requestReset(EMAIL);
		this.clock.advance(Duration.ofMinutes(30));
		Browserless.Page opened = new Browserless(this.port).get(late);
		assertThat(opened.status()).isEqualTo(400);
		assertThat(opened.document().text()).contains("It may be used already, or older than 30 minutes.");
		assertThat(opened.document().selectFirst("input[name=password]")).as("no form for a dead link").isNull();
		Browserless.Page posted = reset(new Browserless(this.port), late, "a third long password");
		assertThat(posted.status()).isEqualTo(400);
	}

	/**
	 * Only the newest mail's link counts: a reset asked for twice leaves one working
	 * link.
	 */
	@Test
	void aNewerResetLinkReplacesTheOlderOne() {
		ClinicAccounts.create(this.jdbc, EMAIL, "Riverside Physio");
		String older = requestReset(EMAIL);
		String newer = requestReset(EMAIL);
		assertThat(reset(new Browserless(this.port), older, NEW_PASSWORD).status()).isEqualTo(400);
		assertThat(reset(new Browserless(this.port), newer, NEW_PASSWORD).status()).isEqualTo(302);
	}

	/** Signs in with the password from a browser the account has not seen. */
	private Browserless newDevice(String email, String password) {
		Browserless browser = new Browserless(this.port);
		browser.get("/clinic/sign-in");
		Browserless.Page asked = browser.post("/clinic/sign-in", Map.of("email", email, "password", password));
		assertThat(asked.location()).endsWith("/clinic/sign-in/device");
		browser.follow(asked);
		return browser;
	}

	private static String code(String email) {
		Mail mailed = lastMailTo(email);
		assertThat(mailed.subject()).isEqualTo("Your sign-in code");
		return mailed.find(CODE, 1);
	}

	private static Browserless.Page type(Browserless browser, String code) {
		return browser.post("/clinic/sign-in/device", Map.of("code", code));
	}

	@Test
	void aNewDevicesCodeWorksOnceAndAWrongOneIsShownNextToTheField() {
		ClinicAccounts.create(this.jdbc, EMAIL, "Riverside Physio");
		Browserless laptop = newDevice(EMAIL, ClinicAccounts.PASSWORD);
		String code = code(EMAIL);
		Browserless.Page waiting = laptop.get("/clinic");
		assertThat(waiting.location()).as("half signed in: only the code page").endsWith("/clinic/sign-in/device");

		Browserless.Page wrong = type(laptop, Tokens.generate());
		assertThat(wrong.status()).isEqualTo(400);
		Document page = wrong.document();
		assertThat(page.getElementById("code-error").text())
			.isEqualTo("Error: This code is not right, or it has expired. Sign out and sign in again for a new one.");
		assertThat(page.getElementById("code").attr("aria-describedby")).contains("code-error");
		assertThat(page.select(".error-summary a[href=#code]")).hasSize(1);
		Browserless.Page empty = type(laptop, "");
		assertThat(empty.document().getElementById("code-error").text())
			.isEqualTo("Error: Enter the code from the email");

		Browserless.Page right = type(laptop, "  " + code + " ");
		assertThat(right.status()).isEqualTo(302);
		assertThat(right.location()).endsWith("/clinic");
		assertThat(laptop.get("/clinic").status()).isEqualTo(200);
		assertThat(laptop.cookie("device")).as("this browser is trusted from now on").isPresent();

		// the same code on another new device: used up
		Browserless phone = newDevice(EMAIL, ClinicAccounts.PASSWORD);
		assertThat(type(phone, code).status()).isEqualTo(400);
		assertThat(phone.get("/clinic").location()).endsWith("/clinic/sign-in/device");
		assertThat(type(phone, code(EMAIL)).status()).as("its own code").isEqualTo(302);
	}

	@Test
	void aNewDevicesCodeExpiresAfter15Minutes() {
		ClinicAccounts.create(this.jdbc, EMAIL, "Riverside Physio");
		Browserless inTime = newDevice(EMAIL, ClinicAccounts.PASSWORD);
		this.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
		assertThat(type(inTime, code(EMAIL)).status()).isEqualTo(302);

		Browserless late = newDevice(EMAIL, ClinicAccounts.PASSWORD);
		String code = code(EMAIL);
		this.clock.advance(Duration.ofMinutes(15));
		Browserless.Page expired = type(late, code);
		assertThat(expired.status()).as(expired.header("Location").orElse("")).isEqualTo(400);
		assertThat(expired.document().getElementById("code-error").text()).contains("it has expired");
		assertThat(late.get("/clinic").location()).endsWith("/clinic/sign-in/device");
	}

	/**
	 * A password reset signs the account out everywhere and forgets its browsers: whoever
	 * knew the old password is out, and needs a code to come back.
	 */
	@Test
	void aPasswordResetSignsOutEverySessionOfTheAccount() {
		Browserless desk = new Browserless(this.port);
		Browserless phone = new Browserless(this.port);
		ClinicAccounts.signIn(desk, this.jdbc, EMAIL);
		ClinicAccounts.signIn(phone, this.jdbc, EMAIL);
		Browserless someoneElse = new Browserless(this.port);
		ClinicAccounts.signIn(someoneElse, this.jdbc, "someone@example.org");

		assertThat(reset(new Browserless(this.port), requestReset(EMAIL), NEW_PASSWORD).status()).isEqualTo(302);

		for (Browserless signedOut : List.of(desk, phone)) {
			Browserless.Page page = signedOut.get("/clinic");
			assertThat(page.status()).isEqualTo(302);
			assertThat(page.location()).endsWith("/clinic/sign-in");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
				Integer.class, EMAIL))
			.isZero();
		assertThat(someoneElse.get("/clinic").status()).as("another account").isEqualTo(200);
		desk.get("/clinic/sign-in");
		assertThat(desk.post("/clinic/sign-in", Map.of("email", EMAIL, "password", NEW_PASSWORD)).location())
			.as("the browser is no longer trusted")
			.endsWith("/clinic/sign-in/device");
	}

}
