package com.sciaticacheck.browser;

import com.sciaticacheck.support.PageFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole check with JavaScript switched off in the browser. */
class NoJavaScriptBrowserTests extends BrowserTestSupport {

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

}
