package com.sciaticacheck.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A physio's clinic account in Chromium, from sign-up to recovery: the confirmation mail
 * and the codes come from a real SMTP server (GreenMail), passkeys from Chrome's virtual
 * authenticator. The app is opened on {@code localhost}, the passkeys' relying party; a
 * second browser profile is a new device, and a browser without JavaScript does
 * everything but the passkey ceremony.
 */
class ClinicAccountBrowserTests extends BrowserTestSupport {

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	private static final String PASSWORD = "maple river lantern 42";

	private static final String NEW_PASSWORD = "quiet harbour pebble 77";

	private static final Pattern CONFIRM_LINK = Pattern
		.compile("http://localhost:\\d+(/clinic/confirm\\?token=[A-Za-z0-9_-]+)");

	private static final Pattern RESET_LINK = Pattern
		.compile("http://localhost:\\d+(/clinic/reset-password\\?token=[A-Za-z0-9_-]+)");

	/** The code stands alone on its line in the mail. */
	private static final Pattern CODE = Pattern.compile("(?m)^([A-Za-z0-9_-]{20,})$");

	private static final AtomicInteger ACCOUNTS = new AtomicInteger();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void smtpAndLimits(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		// every sign-in and mail of this class comes from 127.0.0.1
		registry.add("sciatica.account.sign-ins-per-address", () -> "10000");
	}

	/** The browser the helpers drive: the class's own, or another for a while. */
	private WebDriver other;

	private VirtualAuthenticator authenticator;

	/** Whether the browser the helpers drive runs no JavaScript. */
	private boolean scriptsOff;

	@AfterEach
	void removeAuthenticator() {
		if (this.authenticator != null) {
			((HasVirtualAuthenticator) super.browser()).removeVirtualAuthenticator(this.authenticator);
			this.authenticator = null;
		}
		super.browser().manage().deleteAllCookies();
	}

	@Override
	WebDriver browser() {
		return (this.other != null) ? this.other : super.browser();
	}

	@Override
	void open(String path) {
		browser().get("http://localhost:" + this.port + path);
	}

	@Override
	String path() {
		return browser().getCurrentUrl().replaceFirst("^http://localhost:\\d+", "");
	}

	@Test
	void aPhysioSignsUpAddsAPasskeyAndSignsInWithIt() {
		String email = newAddress();
		open("/clinic/sign-up");
		assertAccessible("sign-up");
		submit();
		assertThat(find(".error-summary").getText()).contains("Enter the clinic or practitioner name");
		assertAccessible("sign-up with errors");
		signUpAndConfirm(email);
		assertThat(find(".notice-success").getText()).contains("Your email address is confirmed");
		assertAccessible("sign-in");
		screenshots("clinic-sign-in");

		signInWithPassword(email, PASSWORD);
		open("/clinic");
		assertThat(find(".passkey-prompt").getText()).as("the dashboard asks for a passkey")
			.isEqualTo("Add a passkey: it is the safest way to sign in");
		clickAndWait(find(".passkey-prompt a"));
		assertThat(path()).isEqualTo("/clinic/account#passkeys");
		assertThat(heading()).isEqualTo("Your account");
		assertThat(find("main").getText()).contains("Riverside Physio " + email.substring(0, 7), email,
				"You have no passkey yet.");
		assertThat(find(".passkey-prompt a").getText()).isEqualTo("Add a passkey: it is the safest way to sign in");
		assertThat(find(".passkey-prompt a").getAttribute("href")).endsWith("/clinic/account#passkeys");
		assertThat(find("#devices").getText()).contains("Chrome on Linux", "This browser");
		assertThat(find("[data-passkey-unavailable]").isDisplayed()).as("the no-JavaScript sentence hides").isFalse();
		assertAccessible("account, no passkey");
		screenshots("clinic-account");

		addAuthenticator();
		clickAndWaitForScript(find("form[data-passkey-register] button"));
		assertThat(find("#passkey-label-error").getText()).isEqualTo("Enter a name for the passkey");
		assertAccessible("account, passkey name missing");
		addPasskey("Work laptop");
		assertThat(find(".notice-success").getText()).contains("Your new passkey is saved");
		assertThat(find("#passkeys .item-title").getText()).isEqualTo("Work laptop");
		assertThat(find("#passkeys").getText()).contains("Added ", "Last used ", " UTC.");
		assertThat(findAll(".passkey-prompt")).as("no prompt once there is a passkey").isEmpty();
		assertAccessible("account with a passkey");
		open("/clinic");
		assertThat(findAll(".passkey-prompt")).as("nor on the dashboard").isEmpty();
		open("/clinic/account");

		clickAndWait(find("a[href$='/clinic/account/activity']"));
		assertThat(heading()).isEqualTo("What happened in your account");
		assertThat(find("main").getText()).contains("We keep each event for 12 months, then delete it.",
				"We never keep your IP address.");
		assertThat(rows()).containsSubsequence("Passkey added Work laptop Browser: Chrome on Linux",
				"Signed in with the password Browser: Chrome on Linux");
		assertThat(find(".event-time").getText()).matches("\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC");
		assertThat(rows()).filteredOn((row) -> row.startsWith("Passkey added")).as("recorded once").hasSize(1);
		assertAccessible("activity");
		screenshots("clinic-activity");

		open("/clinic/account");
		clickAndWait(find("form[action$='/clinic/sign-out'] button"));
		assertThat(path()).isEqualTo("/clinic/sign-in?signedOut");
		assertThat(find("main").getText()).contains("You are signed out.");

		open("/clinic/account");
		assertThat(path()).isEqualTo("/clinic/sign-in");
		clickAndWait(find("#passkey-sign-in"));
		assertThat(path()).startsWith("/clinic/account");
		assertThat(find("main").getText()).contains(email);
		open("/clinic/account/activity");
		assertThat(rows().get(0)).isEqualTo("Signed in with a passkey Browser: Chrome on Linux");
	}

	@Test
	void aNewBrowserNeedsTheEmailedCodeAndSignOutEverywhereEndsBothSessions() {
		String email = newAddress();
		signUpAndConfirm(email);
		signInWithPassword(email, PASSWORD);
		assertThat(heading()).isEqualTo("Your account");

		WebDriver newBrowser = Chromium.start(true);
		try {
			inBrowser(newBrowser, () -> {
				int seen = mailsTo(email).size();
				signInWithPassword(email, PASSWORD);
				assertThat(path()).isEqualTo("/clinic/sign-in/device");
				assertThat(heading()).isEqualTo("Confirm this device");
				assertAccessible("device code");
				type("code", "not-the-code-not-the-code");
				submit();
				assertThat(find(".error-summary").getText()).contains("This code is not right");
				assertAccessible("device code, wrong");
				String code = extract(CODE, mailAfter(email, seen, "Your sign-in code"));
				type("code", code);
				submit();
				open("/clinic/account");
				assertThat(heading()).isEqualTo("Your account");
				assertThat(findAll("#devices .item")).hasSize(2);
			});

			open("/clinic/account/activity");
			assertThat(rows().get(0))
				.isEqualTo("New device confirmed with a code from email Chrome on Linux Browser: Chrome on Linux");
			open("/clinic/account");
			clickAndWait(find("form[action$='/sign-out-everywhere'] button"));
			assertThat(path()).isEqualTo("/clinic/sign-in?signedOut");
			assertThat(find("main").getText()).contains("You are signed out.");
			inBrowser(newBrowser, () -> {
				open("/clinic/account");
				assertThat(path()).as("the other browser is signed out too").isEqualTo("/clinic/sign-in");
			});
			signInWithPassword(email, PASSWORD);
			open("/clinic/account/activity");
			assertThat(rows()).anySatisfy((row) -> assertThat(row).startsWith("Signed out everywhere"));
		}
		finally {
			newBrowser.quit();
		}
	}

	@Test
	void aForgottenPasswordIsResetByMailAndSignsOutEverywhere() {
		String email = newAddress();
		signUpAndConfirm(email);
		signInWithPassword(email, PASSWORD);
		assertThat(heading()).isEqualTo("Your account");

		WebDriver newBrowser = Chromium.start(true);
		try {
			inBrowser(newBrowser, () -> {
				open("/clinic/sign-in");
				clickAndWait(find("a[href$='/clinic/forgot-password']"));
				assertAccessible("forgot password");
				int seen = mailsTo(email).size();
				type("email", email);
				submit();
				assertThat(find(".notice-success").getText()).contains("If this address has an account");
				open(extract(RESET_LINK, mailAfter(email, seen, "Choose a new password")));
				assertThat(heading()).isEqualTo("Choose a new password");
				assertAccessible("reset password");
				type("password", NEW_PASSWORD);
				submit();
				assertThat(path()).isEqualTo("/clinic/sign-in?reset");
				assertThat(find(".notice-success").getText()).contains("Your password is changed",
						"Every device is signed out");
			});
		}
		finally {
			newBrowser.quit();
		}

		open("/clinic/account");
		assertThat(path()).as("signed out everywhere").isEqualTo("/clinic/sign-in");
		signInWithPassword(email, PASSWORD);
		assertThat(path()).isEqualTo("/clinic/sign-in?error");
		// the reset forgot every trusted device, so this browser needs a code again
		int seen = mailsTo(email).size();
		signInWithPassword(email, NEW_PASSWORD);
		assertThat(path()).isEqualTo("/clinic/sign-in/device");
		type("code", extract(CODE, mailAfter(email, seen, "Your sign-in code")));
		submit();
		assertThat(path()).startsWith("/clinic/account");
		open("/clinic/account/activity");
		assertThat(rows()).anySatisfy((row) -> assertThat(row).startsWith("New password chosen"));
	}

	@Test
	void aLostPasskeyIsRemovedAfterSigningInWithThePassword() {
		String email = newAddress();
		signUpAndConfirm(email);
		signInWithPassword(email, PASSWORD);
		addAuthenticator();
		addPasskey("Old phone");
		// the phone is lost: its passkey is gone from this browser
		((HasVirtualAuthenticator) browser()).removeVirtualAuthenticator(this.authenticator);
		this.authenticator = null;
		clickAndWait(find("form[action$='/clinic/sign-out'] button"));

		signInWithPassword(email, PASSWORD);
		assertThat(find("#passkeys .item-title").getText()).isEqualTo("Old phone");
		clickAndWait(find("#passkeys form[action*='/passkeys/'] button"));
		assertThat(find(".notice-success").getText()).contains("The passkey is removed");
		assertThat(find("#passkeys").getText()).contains("You have no passkey yet.");
		assertThat(find(".passkey-prompt").isDisplayed()).isTrue();
		assertAccessible("account, passkey removed");
		open("/clinic/account/activity");
		assertThat(rows().get(0)).isEqualTo("Passkey removed Old phone Browser: Chrome on Linux");
	}

	@Test
	void everythingButThePasskeyCeremonyWorksWithoutJavaScript() {
		String email = newAddress();
		WebDriver noScript = Chromium.start(false);
		try {
			this.scriptsOff = true;
			inBrowser(noScript, () -> {
				signUpAndConfirm(email);
				assertThat(find("[data-passkey-unavailable]").getText()).isEqualTo(
						"Passkeys need JavaScript, which is off in this browser. Sign in with your password below.");
				assertThat(find("#passkey-sign-in").isDisplayed()).isFalse();
				signInWithPassword(email, PASSWORD);
				assertThat(heading()).isEqualTo("Your account");
				assertThat(find("[data-passkey-unavailable]").getText())
					.startsWith("To add a passkey, you need JavaScript")
					.contains("You can still sign in with your password");
				assertThat(find("form[data-passkey-register]").isDisplayed()).isFalse();

				clickAndWait(find("#devices form[action$='/forget'] button"));
				assertThat(find(".notice-success").getText()).contains("That browser is forgotten");
				assertThat(find("#devices").getText()).contains("No browser is trusted now.");

				clickAndWait(find("a[href$='/clinic/account/activity']"));
				assertThat(rows().get(0))
					.isEqualTo("Trusted device forgotten Chrome on Linux Browser: Chrome on Linux");

				open("/clinic/account");
				clickAndWait(find("form[action$='/sign-out-everywhere'] button"));
				assertThat(find("main").getText()).contains("You are signed out.");

				int seen = mailsTo(email).size();
				signInWithPassword(email, PASSWORD);
				assertThat(path()).as("a forgotten browser needs a code").isEqualTo("/clinic/sign-in/device");
				type("code", extract(CODE, mailAfter(email, seen, "Your sign-in code")));
				submit();
				assertThat(path()).startsWith("/clinic/account");
				assertThat(find("#devices").getText()).contains("This browser");
			});
		}
		finally {
			this.scriptsOff = false;
			noScript.quit();
		}
	}

	@Test
	void passkeysAndDevicesOfAnotherAccountAreNotFoundAndEveryFormNeedsItsToken()
			throws IOException, InterruptedException {
		String owner = newAddress();
		String otherCredential = storeFakePasskey(newAddress(), "Someone else's key");
		signUpAndConfirm(owner);
		signInWithPassword(owner, PASSWORD);
		addAuthenticator();
		addPasskey("Desk key");
		String ownCredential = find("#passkeys form[action*='/passkeys/']").getAttribute("action")
			.replaceFirst(".*/passkeys/([^/]+)/remove$", "$1");
		String csrf = find("input[name=_csrf]").getAttribute("value");
		String deviceForm = find("#devices form[action$='/forget']").getAttribute("action");
		String otherDevice = "/clinic/account/devices/" + "ab".repeat(32) + "/forget";

		assertThat(post("/clinic/account/passkeys/" + otherCredential + "/remove", csrf).statusCode())
			.as("another account's passkey")
			.isEqualTo(404);
		assertThat(post("/clinic/account/passkeys/not-a-credential/remove", csrf).statusCode()).isEqualTo(404);
		assertThat(post(otherDevice, csrf).statusCode()).as("a device of nobody's").isEqualTo(404);
		assertThat(post("/clinic/account/passkeys/" + ownCredential + "/remove", null).statusCode()).as("no CSRF token")
			.isEqualTo(403);
		assertThat(post(deviceForm.replaceFirst("^http://localhost:\\d+", ""), null).statusCode()).as("no CSRF token")
			.isEqualTo(403);
		assertThat(post("/clinic/account/sign-out-everywhere", null).statusCode()).as("no CSRF token").isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select count(*) from user_credentials where credential_id in (?, ?)",
				Integer.class, otherCredential, ownCredential))
			.as("both passkeys are still there")
			.isEqualTo(2);

		String tooLong = "{\"publicKey\":{\"credential\":{},\"label\":\"" + "x".repeat(61) + "\"}}";
		assertThat(postJson("/webauthn/register", tooLong, csrf).statusCode()).as("a name over 60 characters")
			.isEqualTo(400);
		assertThat(postJson("/webauthn/register", "{\"publicKey\":{\"credential\":{},\"label\":\" \"}}", csrf)
			.statusCode()).as("a blank name").isEqualTo(400);
		open("/clinic/account");
		assertThat(find("main").getText()).contains(owner);
	}

	@Test
	void theAccessLogShowsFiftyEventsAPageNewestFirst() {
		String email = newAddress();
		signUpAndConfirm(email);
		signInWithPassword(email, PASSWORD);
		Long account = this.jdbc.queryForObject("select id from account where email = ?", Long.class, email);
		for (int i = 1; i <= 110; i++) {
			this.jdbc.update(
					"insert into access_event (account_id, happened_at, kind, detail, client) "
							+ "values (?, current_timestamp, 'EXPORTED', ?, 'Firefox on Android')",
					account, "export " + i);
		}
		open("/clinic/account/activity");
		assertThat(find("main h2").getText()).isEqualTo("Page 1 of 3");
		assertThat(rows()).hasSize(50).first().isEqualTo("Answers downloaded export 110 Browser: Firefox on Android");
		assertThat(findAll("a[rel=prev]")).isEmpty();
		clickAndWait(find("a[rel=next]"));
		assertThat(path()).isEqualTo("/clinic/account/activity?page=2");
		assertThat(rows()).hasSize(50).first().isEqualTo("Answers downloaded export 60 Browser: Firefox on Android");
		assertAccessible("activity, page 2");
		clickAndWait(find("a[rel=next]"));
		assertThat(rows()).hasSize(11).last().isEqualTo("Signed in with the password Browser: Chrome on Linux");
		assertThat(findAll("a[rel=next]")).isEmpty();
		open("/clinic/account/activity?page=4");
		assertThat(heading()).isEqualTo("Page not found");
		open("/clinic/account/activity?page=0");
		assertThat(heading()).isEqualTo("Page not found");
	}

	// --- Steps ---

	/** Signs up in the current browser, then confirms the address from the mail. */
	private void signUpAndConfirm(String email) {
		open("/clinic/sign-up");
		type("displayName", "Riverside Physio " + email.substring(0, 7));
		type("email", email);
		type("password", PASSWORD);
		int seen = mailsTo(email).size();
		submit();
		assertThat(path()).isEqualTo("/clinic/sign-up/sent");
		assertThat(heading()).isEqualTo("Check your email");
		if (javaScriptOn()) {
			assertAccessible("sign-up sent");
		}
		open(extract(CONFIRM_LINK, mailAfter(email, seen, "Confirm your email address")));
		assertThat(heading()).isEqualTo("Confirm your email address");
		if (javaScriptOn()) {
			assertAccessible("confirm");
		}
		submit();
		assertThat(path()).isEqualTo("/clinic/sign-in?confirmed");
	}

	/**
	 * Signs in with the password from the account page, so a complete sign-in lands there
	 * (the dashboard may not exist yet).
	 */
	private void signInWithPassword(String email, String password) {
		open("/clinic/account");
		if (!path().startsWith("/clinic/sign-in")) {
			return;
		}
		type("email", email);
		type("password", password);
		submit();
	}

	private void addAuthenticator() {
		this.authenticator = ((HasVirtualAuthenticator) browser()).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
	}

	/**
	 * Adds a passkey on the account page, as the user does, and waits for the page after.
	 */
	private void addPasskey(String label) {
		type("passkey-label", label);
		clickAndWait(find("form[data-passkey-register] button"));
		assertThat(path()).isEqualTo("/clinic/account?added");
	}

	/** Clicks a button the passkey script handles in the page, without a new page. */
	private void clickAndWaitForScript(WebElement button) {
		button.click();
		new WebDriverWait(browser(), Duration.ofSeconds(10))
			.until((driver) -> !driver.findElements(By.cssSelector(".error-message:not([hidden])")).isEmpty());
	}

	private void inBrowser(WebDriver driver, Runnable steps) {
		this.other = driver;
		try {
			steps.run();
		}
		finally {
			this.other = null;
		}
	}

	/**
	 * axe runs as a script in the page, which a browser without JavaScript does not run.
	 */
	private boolean javaScriptOn() {
		return !this.scriptsOff;
	}

	/**
	 * The events of the access log without their time (the test clock stands still), each
	 * as what happened, the detail and the browser, joined by spaces.
	 */
	private List<String> rows() {
		return findAll("ol.items > li").stream()
			.map((row) -> row.findElements(By.cssSelector(".event-what, .event-detail, .event-client"))
				.stream()
				.map(WebElement::getText)
				.collect(Collectors.joining(" ")))
			.toList();
	}

	// --- Mail ---

	private static String newAddress() {
		return "physio" + ACCOUNTS.incrementAndGet() + "-" + System.nanoTime() % 100000 + "@example.com";
	}

	private static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter((message) -> addressedTo(message, address)).toList();
	}

	/** The text of the next mail to the address after the first {@code seen}. */
	private static String mailAfter(String address, int seen, String subject) {
		Supplier<List<MimeMessage>> mails = () -> mailsTo(address);
		await().atMost(Duration.ofSeconds(15)).until(() -> mails.get().size() > seen);
		MimeMessage message = mails.get().get(seen);
		try {
			assertThat(message.getSubject()).isEqualTo(subject);
			return (String) message.getContent();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch((to) -> to.toString().equals(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String extract(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in the mail:%n%s", pattern, text).isTrue();
		return matcher.group(1);
	}

	// --- HTTP, as a hand-made request with the browser's session ---

	private HttpResponse<String> post(String path, String csrf) throws IOException, InterruptedException {
		String body = (csrf != null) ? "_csrf=" + csrf : "";
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> postJson(String path, String json, String csrf)
			throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		Cookie session = browser().manage().getCookieNamed("session");
		return HTTP.send(request.header("Cookie", "session=" + session.getValue()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Stores a passkey of another account as Spring Security would: the HTTP checks need
	 * one that is not the signed-in account's.
	 * @return its credential id
	 */
	private String storeFakePasskey(String email, String label) {
		String userId = Bytes.random().toBase64UrlString();
		String credentialId = Bytes.random().toBase64UrlString();
		this.jdbc.update("insert into user_entities (id, name, display_name) values (?, ?, ?)", userId, email, email);
		this.jdbc.update("insert into user_credentials (credential_id, user_entity_user_id, public_key, "
				+ "signature_count, uv_initialized, backup_eligible, authenticator_transports, "
				+ "public_key_credential_type, backup_state, created, last_used, label) "
				+ "values (?, ?, ?, 0, true, false, 'internal', 'public-key', false, current_timestamp, "
				+ "current_timestamp, ?)", credentialId, userId, new byte[] { 1, 2, 3 }, label);
		return credentialId;
	}

}
