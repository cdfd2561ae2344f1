package com.sciaticacheck.browser;

import com.sciaticacheck.support.PageFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole check with JavaScript switched off in the browser. */
class NoJavaScriptBrowserTests extends BrowserTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	private java.time.Clock clock;

	@Override
	boolean javaScript() {
		return false;
	}

	@Test
	void theCheckWorksWithoutJavaScript() {
		open("/");
		clickAndWait(find("a.button-start"));
		answerSafetyAllNo();
		submit();
		assertThat(findAll(".error-summary a")).as("errors shown without JavaScript").isNotEmpty();
		answerQuestionnaire("KM", "34", "15");
		assertThat(heading()).isEqualTo("Your result");
		assertThat(find("main").getText()).contains("22 out of 100", "Book an appointment with a professional",
				"Your symptoms now", "Go to A&E or call 999 at once");
		assertThat(find("button[data-print]").isDisplayed()).as("print button needs JavaScript, so it stays hidden")
			.isFalse();
		clickAndWait(find("form[action$='/edit'] button"));
		assertThat(find("#" + PageFields.LONGEST).getAttribute("value")).as("kept as typed").isEqualTo("15");
	}

	@Test
	void trainingFilesAreReadWithoutJavaScriptInUtc() throws java.io.IOException {
		open("/assessment");
		answerSafetyAllNo();
		java.nio.file.Path run = java.nio.file.Files.createTempFile("run", ".tcx");
		try {
			java.nio.file.Files.write(run, com.sciaticacheck.support.TrainingFixtures
				.tcxRun(this.clock.instant().minus(java.time.Duration.ofDays(2)), 7500));
			find("#files").sendKeys(run.toString());
			clickAndWait(find("button[data-import]"));
			assertThat(find("#" + PageFields.WEEKLY).getAttribute("value")).isEqualTo("7.5");
			assertThat(find(".training-found").getText()).contains("Days are counted in UTC");
		}
		finally {
			java.nio.file.Files.delete(run);
		}
	}

}
