package com.sciaticacheck.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.support.TrainingFixtures;
import com.sciaticacheck.support.TrainingFixtures.TcxActivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runner fills the running questions from their training files in Chromium: choose the
 * files, read them, check the figures filled in, and finish the check.
 */
class TrainingImportBrowserTests extends BrowserTestSupport {

	@Autowired
	private Clock clock;

	@TempDir
	private Path folder;

	private Instant morning;

	@BeforeEach
	void today() {
		this.morning = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).atTime(7, 0).toInstant(ZoneOffset.UTC);
	}

	@Test
	void filesFillTheRunningQuestionsAndTheCheckFinishes() throws IOException {
		// the browser's own time zone travels with the files
		((ChromeDriver) browser()).executeCdpCommand("Emulation.setTimezoneOverride",
				Map.of("timezoneId", "Europe/Berlin"));
		open("/assessment");
		answerSafetyAllNo();
		type(PageFields.AGE, "38");
		choose(PageFields.SMOKER, "false");
		choose("unit", "KM");
		Path week = file("week.tcx", TrainingFixtures.tcx(new TcxActivity("Running", daysAgo(1), 5000, 5000),
				new TcxActivity("Running", daysAgo(3), 8000)));
		Path before = file("before.tcx", TrainingFixtures.tcxRun(daysAgo(10), 16000));
		Path ride = file("ride.tcx", TrainingFixtures.tcx(new TcxActivity("Biking", daysAgo(2), 40000)));
		find("#files").sendKeys(week + "\n" + before + "\n" + ride);
		clickAndWait(find("button[data-import]"));

		assertThat(heading()).isEqualTo("About you and your running");
		assertThat(find("#" + PageFields.WEEKLY).getAttribute("value")).isEqualTo("18");
		assertThat(find("#" + PageFields.LONGEST).getAttribute("value")).isEqualTo("10");
		assertThat(find("#" + PageFields.BASELINE_WEEKLY).getAttribute("value")).isEqualTo("4");
		assertThat(find("#" + PageFields.BASELINE_LONGEST).getAttribute("value")).isEqualTo("16");
		assertThat(find("#" + PageFields.AGE).getAttribute("value")).as("kept").isEqualTo("38");
		assertThat(find(".training-found").getText()).contains("Runs we used (3)", "week.tcx", "before.tcx",
				"ride.tcx: Not a run (Biking)", "your time zone, Europe/Berlin");
		assertThat(browser().getCurrentUrl()).as("brought back to the import").endsWith("/assessment/import#training");
		assertAccessible("questionnaire after an import");
		screenshots("training-import");

		// the runner changes one figure, then finishes
		type(PageFields.LONGEST, "9");
		choose(PageFields.INTENSITY, "NONE");
		choose(PageFields.SURFACES, "SOME");
		choose(PageFields.FOOTWEAR, "GOOD");
		type(PageFields.STRENGTH, "2");
		choose(PageFields.SIDE, "NONE");
		choose(PageFields.FORM, "NONE");
		choose(PageFields.PAIN, "NONE");
		submit();
		assertThat(heading()).isEqualTo("Your result");
		assertThat(find("main").getText()).contains("out of 100");
	}

	@Test
	void withoutFilesTheScriptSaysSoAndNothingIsSent() {
		open("/assessment");
		answerSafetyAllNo();
		type(PageFields.AGE, "38");
		find("button[data-import]").click();
		assertThat(find("#files-check").getText()).contains("Choose at least one file");
		assertThat(heading()).isEqualTo("About you and your running");
		assertThat(find("#" + PageFields.AGE).getAttribute("value")).isEqualTo("38");
		assertAccessible("import without a file");
	}

	@Test
	void enterInAFieldSubmitsTheAnswersNotTheFiles() {
		open("/assessment");
		answerSafetyAllNo();
		type(PageFields.AGE, "38");
		org.openqa.selenium.WebElement page = find("html");
		find("#" + PageFields.AGE).sendKeys(Keys.ENTER);
		waitUntilGone(page);
		assertThat(browser().getCurrentUrl()).endsWith("/assessment/result");
		assertThat(find(".error-summary").getText()).doesNotContain("Choose at least one file");
	}

	private Path file(String name, byte[] content) throws IOException {
		return Files.write(this.folder.resolve(name), content);
	}

	private Instant daysAgo(int days) {
		return this.morning.minus(Duration.ofDays(days));
	}

}
