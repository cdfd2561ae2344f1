package com.sciaticacheck.browser;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.system.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in physio's dashboard and link, the client answering through it, and the
 * answer in the clinic, in Chromium.
 */
class PhysioBrowserTests extends BrowserTestSupport {

	static final String PHYSIO = "physio@riverside.example";

	@Autowired
	MutableClock clock;

	@Test
	void physioSendsALinkAClientSharesThenDeletesTheirAnswers() {
		this.clock.set(Instant.now());
		signIn(PHYSIO);
		assertThat(heading()).isEqualTo("Clinic of " + PHYSIO + ": your dashboard");
		assertThat(find("main").getText()).contains("You have no links yet");
		assertAccessible("dashboard, no links");
		screenshots("dashboard-new");

		clickAndWait(find("a[href='/clinic/links/new']"));
		assertAccessible("link creation");
		screenshots("clinic-new");
		submit();
		assertThat(find(".error-summary").getText()).contains("Enter the clinic or practitioner name");
		assertAccessible("link creation with errors");
		type("clinicName", "Riverside Physio");
		type("message", "Please fill this in before your appointment on Tuesday.");
		type("days", "30");
		submit();
		assertThat(heading()).isEqualTo("Riverside Physio: link");
		assertThat(path()).matches("/clinic/links/[A-Za-z0-9]{22}\\?created");
		String linkPage = path().replace("?created", "");
		String clientLink = find("#client-url").getAttribute("value").replaceFirst("^http://127.0.0.1:\\d+", "");
		assertThat(find("button[data-copy]").isDisplayed()).as("copy button with JavaScript").isTrue();
		assertThat(find("img.qr").getAttribute("naturalWidth")).isNotEqualTo("0");
		assertAccessible("link page, no answers");
		screenshots("link-empty");

		open(clientLink);
		assertThat(heading()).isEqualTo("Riverside Physio asked you to complete this check");
		assertAccessible("client landing");
		clickAndWait(find("a.button-start"));
		answerSafetyAllNo();
		answerQuestionnaire("KM", "34", "15");
		assertThat(heading()).isEqualTo("Before your result: share it?");
		submit();
		assertThat(find(".error-summary").getText()).contains("Select yes to share your answers, or no");
		assertAccessible("consent with errors");
		screenshots("consent");
		choose("share", "true");
		type("reference", "J.D.");
		submit();
		assertThat(path()).startsWith("/r/");
		String result = path();
		assertThat(find("main").getText()).contains("shared with Riverside Physio", "22 out of 100");
		assertAccessible("client's stored result");

		open("/clinic");
		assertThat(find("tbody tr").getText()).contains("Routine", "One leg", "4/10", "J.D.", "Riverside Physio");
		assertAccessible("dashboard with an answer");
		screenshots("dashboard");
		clickAndWait(find("tbody a"));
		String detail = find("main").getText();
		assertThat(detail).contains("Clinician summary", "Safety answers", "What the client saw", "22 out of 100",
				"Every answer", "Rules version", "Pain spreading down one leg");
		assertThat(detail.indexOf("Clinician summary")).as("the summary comes before the client's view")
			.isLessThan(detail.indexOf("What the client saw"));
		assertAccessible("submission detail");
		screenshots("submission");

		open(result);
		clickAndWait(find("form[action$='/delete'] button"));
		assertThat(heading()).isEqualTo("Your answers have been deleted");
		assertAccessible("deleted");
		open(linkPage);
		assertThat(find("main").getText()).contains("No client has shared answers yet");
		assertAccessible("link page");

		clickAndWait(find("a[href$='/delete']"));
		assertThat(heading()).isEqualTo("Delete this link and all its answers?");
		assertAccessible("confirm delete");
		submit();
		assertThat(path()).isEqualTo("/clinic?linkDeleted");
		assertThat(find("[role=status]").getText()).isEqualTo("The link and all its answers are deleted.");
		assertAccessible("dashboard after deleting a link");
	}

	/**
	 * A link made before accounts is claimed from its old address; then a burst of
	 * answers through it is flagged on the dashboard and deleted with one button.
	 */
	@Test
	void anOldLinkIsClaimedAndABurstOnItDeletedInOneStep() {
		this.clock.set(Instant.now());
		// as links were made before accounts: the client secret derived from the
		// dashboard's
		String dashboardSecret = Tokens.generate();
		String clientSecret = Tokens.urlSafe(Tokens.sha256("client-link:" + dashboardSecret));
		this.jdbc.update(
				"insert into share_link (client_secret_hash, dashboard_secret_hash, clinic_name, days, created_at,"
						+ " accepts_until) values (?, ?, 'Old Riverside', 30, ?, ?)",
				Tokens.hash(clientSecret), Tokens.hash(dashboardSecret), Timestamp.from(this.clock.instant()),
				Timestamp.from(this.clock.instant().plus(Duration.ofDays(30))));
		signIn(PHYSIO);
		open("/clinic/" + dashboardSecret);
		assertThat(heading()).isEqualTo("Add this link to your account");
		assertAccessible("claim");
		screenshots("claim");
		submit();
		assertThat(heading()).isEqualTo("Old Riverside: link");
		assertThat(find("[role=status]").getText()).contains("The link is now in your account");
		String clientLink = find("#client-url").getAttribute("value").replaceFirst("^http://127.0.0.1:\\d+", "");
		assertThat(clientLink).as("the client link printed before the claim").isEqualTo("/c/" + clientSecret);

		for (int i = 1; i <= 20; i++) {
			Browserless client = new Browserless(this.port);
			client.get(clientLink + "/assessment");
			Map<String, String> answers = new LinkedHashMap<>(RunnerFixture.safetyNo());
			answers.put(PageFields.SAFETY.get(0), "true");
			answers.put("share", "true");
			answers.put("reference", "burst " + i);
			assertThat(client.post(clientLink + "/emergency-consent", answers).status()).isEqualTo(302);
		}
		open("/clinic");
		assertThat(find("#bursts-heading").getText()).isEqualTo("Many answers in a short time");
		assertThat(findAll("tbody tr")).hasSize(20);
		assertAccessible("dashboard with a burst");
		screenshots("dashboard-burst");
		clickAndWait(find("[aria-labelledby=bursts-heading] form button"));
		assertThat(find("[role=status]").getText()).isEqualTo("20 answers were deleted.");
		assertThat(find("main").getText()).contains("No client has shared answers yet");
		assertThat(findAll("#bursts-heading")).isEmpty();
	}

	@Test
	void anExpiredLinkShowsAFriendlyPage() {
		this.clock.set(Instant.now());
		signIn(PHYSIO);
		open("/clinic/links/new");
		type("clinicName", "Riverside Physio");
		type("days", "7");
		submit();
		String clientLink = find("#client-url").getAttribute("value").replaceFirst("^http://127.0.0.1:\\d+", "");
		this.clock.advance(Duration.ofDays(8));
		open(clientLink);
		assertThat(heading()).isEqualTo("This link no longer takes answers");
		assertThat(find("main").getText()).contains("Riverside Physio has closed this link, or its time is up");
		assertAccessible("expired link");
		screenshots("link-closed");
		open("/c/" + "A".repeat(43));
		assertThat(heading()).isEqualTo("This link does not work");
		assertAccessible("unknown link");
	}

}
