package com.sciaticacheck.browser;

import com.sciaticacheck.support.ClinicAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's token pages in a real browser, scanned for WCAG 2.2 AA: the list, a name
 * refused, the new token with its copy button, and revoking.
 */
class ApiTokensBrowserTests extends BrowserTestSupport {

	@Test
	void aPhysioCreatesCopiesAndRevokesATokenOnAccessiblePages() {
		ClinicAccounts.deleteAll(this.jdbc);
		long account = ClinicAccounts.create(this.jdbc, "browser-tokens@example.com", "Riverside Physio");
		open("/clinic/sign-in");
		browser().manage().addCookie(new Cookie("device", ClinicAccounts.trustNewDevice(this.jdbc, account), "/"));
		type("email", "browser-tokens@example.com");
		type("password", ClinicAccounts.PASSWORD);
		submit();
		assertThat(path()).isEqualTo("/clinic");

		open("/clinic/account/tokens");
		assertThat(heading()).isEqualTo("API tokens");
		assertAccessible("API tokens, none yet");
		submit();
		assertThat(find(".error-summary").getText()).contains("Enter a name for the token");
		assertAccessible("API tokens, a name refused");

		type("name", "Clinic software");
		submit();
		assertThat(heading()).isEqualTo("Your new token");
		String token = find("#token").getDomProperty("value");
		assertThat(token).startsWith("sck_");
		assertThat(find("button[data-copy=token]").isDisplayed()).as("copy button with JavaScript").isTrue();
		assertAccessible("new token");
		screenshots("token-created");

		clickAndWait(find("main a[href='/clinic/account/tokens']"));
		assertThat(browser().getPageSource()).doesNotContain(token);
		assertThat(find("tbody tr").getText()).contains("Clinic software", "Never");
		assertAccessible("API tokens, one");
		screenshots("tokens");
		clickAndWait(find("tbody form button"));
		assertThat(find("[role=status]").getText()).isEqualTo("The token is revoked. It no longer works.");
		assertThat(findAll("tbody tr")).isEmpty();
	}

}
