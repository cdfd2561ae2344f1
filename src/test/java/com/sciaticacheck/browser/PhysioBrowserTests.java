package com.sciaticacheck.browser;

import java.time.Duration;

import com.sciaticacheck.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The physio's link, the client answering through it, and the dashboard, in Chromium. */
class PhysioBrowserTests extends BrowserTestSupport {

	@Autowired
	MutableClock clock;

	@Test
	void physioSendsALinkAClientSharesThenDeletesTheirAnswers() {
		this.clock.set(java.time.Instant.now());
		open("/clinic/new");
		assertAccessible("clinic creation");
		screenshots("clinic-new");
		submit();
		assertThat(find(".error-summary").getText()).contains("Enter the clinic or practitioner name");
		assertAccessible("clinic creation with errors");
		type("clinicName", "Riverside Physio");
		type("message", "Please fill this in before your appointment on Tuesday.");
		type("days", "30");
		submit();
		assertThat(heading()).isEqualTo("Riverside Physio: shared answers");
		String dashboard = path().replace("?created", "");
		String clientLink = find("#client-url").getAttribute("value").replaceFirst("^http://127.0.0.1:\\d+", "");
		assertThat(find("button[data-copy]").isDisplayed()).as("copy button with JavaScript").isTrue();
		assertThat(find("img.qr").getAttribute("naturalWidth")).isNotEqualTo("0");
		assertAccessible("dashboard, empty");
		screenshots("dashboard-empty");

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

		open(dashboard);
		assertThat(find("tbody tr").getText()).contains("J.D.", "Routine", "Moderate", "22");
		assertAccessible("dashboard with a submission");
		screenshots("dashboard");
		clickAndWait(find("tbody a"));
		assertThat(find("main").getText()).contains("Every answer", "Rules version", "Pain spreading down one leg");
		assertAccessible("submission detail");
		screenshots("submission");

		open(result);
		clickAndWait(find("form[action$='/delete'] button"));
		assertThat(heading()).isEqualTo("Your answers have been deleted");
		assertAccessible("deleted");
		open(dashboard);
		assertThat(find("main").getText()).contains("No client has shared answers yet");

		clickAndWait(find("a[href$='/delete']"));
		assertThat(heading()).isEqualTo("Delete this link and all its answers?");
		assertAccessible("confirm delete");
	}

	@Test
	void anExpiredLinkShowsAFriendlyPage() {
		this.clock.set(java.time.Instant.now());
		open("/clinic/new");
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
