package com.sciaticacheck.browser;

import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sciaticacheck.support.PageFields;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner's check in headless Chromium: what they see, with mouse and with keyboard
 * only.
 */
class RunnerBrowserTests extends BrowserTestSupport {

	@Test
	void runnerAnswersAndSeesTierScoreFindingsAndAdvice() {
		open("/");
		assertAccessible("landing");
		screenshots("landing");
		clickAndWait(find("a.button-start"));
		assertThat(heading()).isEqualTo("Safety questions");
		assertAccessible("safety step");
		screenshots("safety");
		answerSafetyAllNo();
		assertThat(heading()).isEqualTo("About you and your running");
		assertAccessible("questionnaire");
		screenshots("questionnaire");
		answerQuestionnaire("KM", "34", "15");
		assertThat(heading()).isEqualTo("Your result");
		String text = find("main").getText();
		assertThat(text).containsSubsequence("Book an appointment with a professional", "Pain for 4 weeks or more",
				"Your symptoms now", "You have pain spreading down one leg", "Your risk factors for future",
				"22 out of 100", "Level: Moderate", "Training load: 10 points", "Evidence: Moderate", "Advice for you",
				"Advice for every runner", "Go to A&E or call 999 at once",
				"Never delay or ignore professional advice");
		assertThat(find("button[data-print]").isDisplayed()).as("print button shown with JavaScript").isTrue();
		assertAccessible("result, routine tier");
		screenshots("result");
	}

	@Test
	void anyEmergencyAnswerStopsAtTheEmergencyPage() {
		open("/assessment");
		choose(PageFields.SAFETY.get(0), "true");
		for (String field : PageFields.SAFETY.subList(1, PageFields.SAFETY.size())) {
			choose(field, "false");
		}
		submit();
		assertThat(heading()).isEqualTo("Get medical help now");
		assertThat(find("main").getText()).contains("Go to A&E or call 999 now")
			.doesNotContain("out of 100", "48 hours");
		assertThat(findAll("main form")).isEmpty();
		assertAccessible("emergency page");
		screenshots("emergency");
	}

	@Test
	void errorsAreListedLinkedToTheirFieldsAndAnswersKept() {
		open("/assessment");
		answerSafetyAllNo();
		type(PageFields.AGE, "120");
		choose(PageFields.SMOKER, "true");
		type(PageFields.WEEKLY, "abc");
		submit();
		assertThat(browser().getTitle()).startsWith("Error:");
		List<WebElement> links = findAll(".error-summary a");
		assertThat(links).extracting((link) -> link.getAttribute("href").replaceFirst(".*#", "#"))
			.startsWith("#" + PageFields.AGE, "#" + PageFields.WEEKLY);
		assertThat(activeElementClass()).as("the summary takes focus").contains("error-summary");
		assertAccessible("questionnaire with errors");
		screenshots("questionnaire-errors");
		links.get(1).click();
		assertThat(activeElementId()).isEqualTo(PageFields.WEEKLY);
		assertThat(find("#" + PageFields.AGE).getAttribute("value")).isEqualTo("120");
		assertThat(find("#" + PageFields.SMOKER).isSelected()).isTrue();
		assertThat(find("#" + PageFields.WEEKLY).getAttribute("value")).isEqualTo("abc");
	}

	@Test
	void theSameCheckInMiles() {
		open("/assessment");
		answerSafetyAllNo();
		answerQuestionnaire("MILES", "21", "9");
		// 9 miles after 12 is a shorter long run; 21 miles a week after 30 is less: no
		// load finding
		assertThat(find("main").getText()).doesNotContain("Training load").contains("out of 100");
	}

	@Test
	void everyTierHasAnAccessibleResult() {
		open("/assessment");
		answerSafetyAllNo();
		type(PageFields.AGE, "30");
		choose(PageFields.SMOKER, "false");
		type(PageFields.WEEKLY, "20");
		type(PageFields.BASELINE_WEEKLY, "20");
		type(PageFields.LONGEST, "8");
		type(PageFields.BASELINE_LONGEST, "8");
		choose(PageFields.INTENSITY, "NONE");
		choose(PageFields.SURFACES, "NONE");
		choose(PageFields.FOOTWEAR, "GOOD");
		type(PageFields.STRENGTH, "2");
		choose(PageFields.SIDE, "NONE");
		choose(PageFields.FORM, "NONE");
		choose(PageFields.PAIN, "NONE");
		submit();
		assertThat(find(".card").getText()).contains("No need to see a professional now");
		assertAccessible("result, no referral");
		screenshots("result-none");

		clickAndWait(find("form[action$='/edit'] button"));
		choose(PageFields.PAIN, "BACK_ONLY");
		type(PageFields.PAIN_WEEKS, "1");
		type(PageFields.PAIN_SEVERITY, "3");
		type(PageFields.LEG_PAIN_AVERAGE, "0");
		type(PageFields.BACK_PAIN_AVERAGE, "2");
		choose(PageFields.WARNING_SIGNS, "OSTEOPOROSIS");
		submit();
		assertThat(find(".card").getText()).contains("this week");
		assertAccessible("result, this-week tier");

		clickAndWait(find("form[action$='/edit'] button"));
		choose(PageFields.WARNING_SIGNS, "OSTEOPOROSIS");
		choose(PageFields.WARNING_SIGNS, "FOOT_DROP");
		submit();
		assertThat(find(".card").getText()).contains("Get medical advice today");
		assertAccessible("result, today tier");
		screenshots("result-urgent");

		clickAndWait(find("form[action$='/edit'] button"));
		choose(PageFields.WARNING_SIGNS, "FOOT_DROP");
		choose(PageFields.WARNING_SIGNS, "CANCER_HISTORY");
		choose(PageFields.PAIN, "ONE_LEG");
		submit();
		assertThat(find(".card-emergency").getText()).contains("cancer team's 24-hour line");
		assertAccessible("emergency page, cancer with leg pain");
		screenshots("emergency-cancer");

		open("/assessment");
		answerSafetyAllNo();
		type(PageFields.AGE, "14");
		submit();
		assertThat(heading()).isEqualTo("This check is for adults");
		assertAccessible("under 16");
		screenshots("under16");
	}

	@Test
	void howScoringWorksAndErrorPagesAreAccessible() {
		open("/how-scoring-works");
		assertThat(findAll("table tbody tr")).hasSizeGreaterThan(15);
		assertAccessible("how scoring works");
		screenshots("how-scoring-works");
		open("/no-such-page");
		assertThat(heading()).isEqualTo("Page not found");
		assertAccessible("404 page");
		screenshots("not-found");
	}

	@Test
	void resultPrintsOnOneOrTwoA4PagesWithoutButtons() {
		open("/assessment");
		answerSafetyAllNo();
		answerQuestionnaire("KM", "34", "15");
		PrintOptions a4 = new PrintOptions();
		a4.setPageSize(new PageSize(29.7, 21.0));
		byte[] pdf = Base64.getDecoder().decode(((PrintsPage) browser()).print(a4).getContent());
		int pages = pdfPageCount(pdf);
		System.out.printf("result prints on %d A4 page(s)%n", pages);
		assertThat(pages).isBetween(1, 2);
		Object buttonsShownInPrint = ((JavascriptExecutor) browser()).executeScript("""
				const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]);
				const print = rules.find((rule) => rule.media && rule.media.mediaText === 'print');
				return print.cssText.includes('.button') && print.cssText.includes('.site-header');""");
		assertThat(buttonsShownInPrint).as("print stylesheet hides buttons and navigation").isEqualTo(true);
	}

	@Test
	void theAccessibilityScanReallyFindsProblems() {
		open("/");
		((JavascriptExecutor) browser())
			.executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>');");
		assertThat(new com.deque.html.axecore.selenium.AxeBuilder().withTags(WCAG_22_AA)
			.analyze(browser())
			.getViolations()).extracting((rule) -> rule.getId()).contains("label");
	}

	@Test
	void noPageLoadsAnythingFromAnotherOrigin() {
		for (String path : List.of("/", "/assessment", "/how-scoring-works", "/clinic/sign-in")) {
			open(path);
			@SuppressWarnings("unchecked")
			List<String> resources = (List<String>) ((JavascriptExecutor) browser())
				.executeScript("return performance.getEntriesByType('resource').map((entry) => entry.name);");
			assertThat(resources).as(path)
				.isNotEmpty()
				.allSatisfy((url) -> assertThat(url).startsWith("http://127.0.0.1:" + this.port + "/"));
		}
	}

	@Test
	void theWholeCheckWorksWithTheKeyboardAlone() {
		open("/");
		keyTo("a.button-start");
		pressAndWait(Keys.ENTER);
		assertThat(heading()).isEqualTo("Safety questions");
		for (String field : PageFields.SAFETY) {
			keyToId(field);
			press(Keys.ARROW_RIGHT);
			assertThat(browser().findElement(By.id(field + "-false")).isSelected()).isTrue();
		}
		keyTo(SUBMIT);
		pressAndWait(Keys.ENTER);
		assertThat(heading()).isEqualTo("About you and your running");
		typeByKeyboard(PageFields.AGE, "45");
		radioByKeyboard(PageFields.SMOKER, 1);
		typeByKeyboard(PageFields.WEEKLY, "25");
		typeByKeyboard(PageFields.BASELINE_WEEKLY, "25");
		typeByKeyboard(PageFields.LONGEST, "10");
		typeByKeyboard(PageFields.BASELINE_LONGEST, "10");
		radioByKeyboard(PageFields.INTENSITY, 0);
		radioByKeyboard(PageFields.SURFACES, 0);
		radioByKeyboard(PageFields.FOOTWEAR, 1);
		typeByKeyboard(PageFields.STRENGTH, "1");
		radioByKeyboard(PageFields.SIDE, 0);
		radioByKeyboard(PageFields.FORM, 0);
		radioByKeyboard(PageFields.PAIN, 0);
		keyTo(SUBMIT);
		pressAndWait(Keys.ENTER);
		assertThat(heading()).isEqualTo("Your result");
		assertThat(find("main").getText()).contains("Shoes: 3 points", "3 out of 100");
	}

	private void typeByKeyboard(String id, String text) {
		keyToId(id);
		new Actions(browser()).sendKeys(text).perform();
	}

	/**
	 * Tabs into a radio group (focus lands on its first option) and arrows to the option
	 * wanted.
	 */
	private void radioByKeyboard(String field, int option) {
		keyToId(field);
		if (option == 0) {
			press(Keys.SPACE);
		}
		for (int i = 0; i < option; i++) {
			press(Keys.ARROW_DOWN);
		}
	}

	private void keyTo(String css) {
		WebElement target = find(css);
		for (int i = 0; i < 200 && !target.equals(browser().switchTo().activeElement()); i++) {
			press(Keys.TAB);
		}
		assertThat(browser().switchTo().activeElement()).as("reached " + css + " with Tab").isEqualTo(target);
	}

	private void keyToId(String id) {
		keyTo("#" + id);
	}

	private void press(CharSequence key) {
		new Actions(browser()).sendKeys(key).perform();
	}

	private void pressAndWait(CharSequence key) {
		WebElement page = find("html");
		press(key);
		waitUntilGone(page);
	}

	private String activeElementId() {
		return browser().switchTo().activeElement().getAttribute("id");
	}

	private String activeElementClass() {
		return browser().switchTo().activeElement().getAttribute("class");
	}

	/** Counts the page objects of a PDF: enough to tell one page from three. */
	static int pdfPageCount(byte[] pdf) {
		Matcher pages = Pattern.compile("/Type\\s*/Page[^s]")
			.matcher(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1));
		int count = 0;
		while (pages.find()) {
			count++;
		}
		return count;
	}

}
