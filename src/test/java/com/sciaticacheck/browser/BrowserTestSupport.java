package com.sciaticacheck.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.support.RunningAppTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser against the app on a random port: one Chromium per test class (it takes
 * seconds to start), helpers to fill the forms as a user does, an accessibility scan with
 * axe-core for WCAG 2.2 A and AA, and screenshots at phone and desktop sizes.
 */
@RunningAppTest
@EnabledIf("chromiumInstalled")
abstract class BrowserTestSupport {

	/**
	 * WCAG 2.2 A and AA, and axe's best practices (heading order, unique landmarks) too.
	 */
	static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
			"best-practice");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/**
	 * A form's own submit button: not the questionnaire's hidden first one (there for the
	 * Enter key) nor the file import's, which posts elsewhere.
	 */
	static final String SUBMIT = "main form button[type=submit]:not([hidden]):not([formaction])";

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void desktopSizeAndCleanDatabase() {
		browser().manage().window().setSize(new Dimension(1280, 800));
		ClinicAccounts.deleteAll(this.jdbc);
		// a session of an earlier test, now deleted, would only be a stale cookie
		browser().manage().deleteAllCookies();
	}

	/**
	 * Signs the browser in as a physio through the real sign-in form, with the password.
	 * The account is made in the database, and this browser trusted for it as if it had
	 * confirmed an emailed code before, so no code is asked for: signing up and new
	 * devices have tests of their own.
	 */
	void signIn(String email) {
		long account = ClinicAccounts.account(this.jdbc, email);
		open("/clinic/sign-in");
		browser().manage()
			.addCookie(
					new Cookie(ClinicAccounts.DEVICE_COOKIE, ClinicAccounts.trustNewDevice(this.jdbc, account), "/"));
		type("email", email);
		type("password", ClinicAccounts.PASSWORD);
		submit();
		assertThat(path()).as("signed in").isEqualTo("/clinic");
	}

	/**
	 * Browser tests need Debian's chromium and chromium-driver. Without them they are
	 * skipped on a developer's machine, with a message, but fail in CI, which installs
	 * both.
	 */
	static boolean chromiumInstalled() {
		boolean installed = Files.isExecutable(Path.of(Chromium.BINARY))
				&& Files.isExecutable(Path.of(Chromium.DRIVER));
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("CI must install chromium and chromium-driver");
		}
		if (!installed) {
			System.out.println("Browser tests skipped: apt-get install -y chromium chromium-driver");
		}
		return installed;
	}

	@AfterAll
	static void quitBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	/** Whether this class's browser runs JavaScript. */
	boolean javaScript() {
		return true;
	}

	WebDriver browser() {
		if (driver == null) {
			driver = Chromium.start(javaScript());
		}
		return driver;
	}

	void open(String path) {
		browser().get("http://127.0.0.1:" + this.port + path);
	}

	String path() {
		return browser().getCurrentUrl().replaceFirst("^http://127.0.0.1:\\d+", "");
	}

	WebElement find(String css) {
		return browser().findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return browser().findElements(By.cssSelector(css));
	}

	String heading() {
		return find("h1").getText();
	}

	void type(String id, String text) {
		WebElement input = browser().findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * Chooses a radio or checkbox by its field and value, clicking its label as a user
	 * would.
	 */
	void choose(String field, String value) {
		WebElement input = browser().findElement(By.cssSelector("input[name='" + field + "'][value='" + value + "']"));
		browser().findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
	}

	void submit() {
		clickAndWait(find(SUBMIT));
	}

	/** Clicks something that loads a new page, and waits until the new page is there. */
	void clickAndWait(WebElement element) {
		WebElement page = find("html");
		try {
			element.click();
		}
		catch (WebDriverException ex) {
			if (!gone(ex)) {
				throw ex;
			}
		}
		waitUntilGone(page);
	}

	/** Waits until the old page's root element is gone: the new page has replaced it. */
	void waitUntilGone(WebElement page) {
		new WebDriverWait(browser(), Duration.ofSeconds(15)).until((driver) -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (WebDriverException ex) {
				if (gone(ex)) {
					return true;
				}
				throw ex;
			}
		});
	}

	/**
	 * Whether the element is gone with the old page: chromedriver says so either as a
	 * stale element or as a node that no longer belongs to the document, when navigation
	 * races.
	 */
	private static boolean gone(WebDriverException ex) {
		return ex instanceof StaleElementReferenceException
				|| String.valueOf(ex.getMessage()).contains("does not belong to the document");
	}

	void answerSafetyAllNo() {
		for (String field : PageFields.SAFETY) {
			choose(field, "false");
		}
		submit();
	}

	/**
	 * A typical runner with a long-run spike, no strength work and leg pain for 6 weeks.
	 */
	void answerQuestionnaire(String unit, String weekly, String longest) {
		type(PageFields.AGE, "38");
		type(PageFields.HEIGHT, "178");
		type(PageFields.WEIGHT, "74");
		choose(PageFields.SMOKER, "false");
		choose("unit", unit);
		type(PageFields.WEEKLY, weekly);
		type(PageFields.BASELINE_WEEKLY, "30");
		type(PageFields.LONGEST, longest);
		type(PageFields.BASELINE_LONGEST, "12");
		choose(PageFields.INTENSITY, "NONE");
		choose(PageFields.SURFACES, "SOME");
		choose(PageFields.FOOTWEAR, "GOOD");
		type(PageFields.STRENGTH, "0");
		choose(PageFields.SIDE, "SLIGHT");
		choose(PageFields.FORM, "UNSURE");
		choose(PageFields.CONDITIONS, "PREVIOUS_BACK_PAIN");
		choose(PageFields.PAIN, "ONE_LEG");
		type(PageFields.PAIN_WEEKS, "6");
		type(PageFields.PAIN_SEVERITY, "4");
		type(PageFields.LEG_PAIN_AVERAGE, "3");
		type(PageFields.BACK_PAIN_AVERAGE, "1");
		choose(PageFields.SYMPTOMS, "WORSE_WHEN_RUNNING");
		submit();
	}

	/** Scans the page for WCAG 2.2 A and AA violations and asserts there are none. */
	void assertAccessible(String page) {
		Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser());
		List<Rule> violations = results.getViolations();
		String report = violations.stream()
			.map((rule) -> rule.getId() + ": " + rule.getHelp() + " at "
					+ rule.getNodes()
						.stream()
						.map((node) -> node.getTarget().toString())
						.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("\n"));
		System.out.printf("axe %s: %d violations, %d passes%n", page, violations.size(), results.getPasses().size());
		assertThat(violations).as("WCAG 2.2 AA violations on " + page + ":\n" + report).isEmpty();
	}

	/**
	 * Saves phone and desktop screenshots of the current page, and checks 320 px needs no
	 * sideways scroll.
	 */
	void screenshots(String name) {
		WebDriver browser = browser();
		Dimension before = browser.manage().window().getSize();
		try {
			Files.createDirectories(SCREENSHOTS);
			resizeViewport(320, 800);
			Long overflow = (Long) ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).as(name + " scrolls sideways at 320 px").isLessThanOrEqualTo(0L);
			for (int[] size : new int[][] { { 390, 844 }, { 1280, 800 } }) {
				resizeViewport(size[0], size[1]);
				byte[] png = fullPage(browser);
				Files.write(SCREENSHOTS.resolve(name + "-" + size[0] + "x" + size[1] + ".png"), png);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			browser.manage().window().setSize(before);
		}
	}

	private void resizeViewport(int width, int height) {
		((ChromeDriver) browser()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
	}

	private byte[] fullPage(WebDriver browser) {
		Long height = (Long) ((JavascriptExecutor) browser)
			.executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
		Long width = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
		resizeViewport(width.intValue(), (int) Math.min(height, 6000));
		byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
		((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
		return png;
	}

}
