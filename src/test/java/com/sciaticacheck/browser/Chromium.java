package com.sciaticacheck.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and chromedriver, so Selenium never downloads a browser.
 * Each driver gets a fresh profile and its own HOME under {@code target/}.
 */
final class Chromium {

	static final String BINARY = "/usr/bin/chromium";

	static final String DRIVER = "/usr/bin/chromedriver";

	private Chromium() {
	}

	static ChromeDriver start(boolean javaScript) {
		try {
			Path home = Files.createDirectories(Path.of("target", "browser-home")).toAbsolutePath();
			Path profile = Files.createTempDirectory(home, "profile");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(BINARY);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-extensions", "--hide-scrollbars", "--lang=en-GB", "--window-size=1280,800",
					"--user-data-dir=" + profile);
			if (!javaScript) {
				options.setExperimentalOption("prefs",
						Map.of("profile.managed_default_content_settings.javascript", 2));
			}
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
				.usingAnyFreePort()
				.withEnvironment(Map.of("HOME", home.toString()))
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return driver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
