package com.sciaticacheck.system;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens count only when this server signed them, and over HTTPS the cookie carries the
 * {@code __Host-} prefix with the attributes browsers demand for it.
 */
class SignedCsrfTokenRepositoryTests {

	private final SignedCsrfTokenRepository tokens = repository("a key of at least thirty-two characters");

	@Test
	void overHttpsTheCookieIsHostPrefixedSecureWithPathSlashAndNoDomain() {
		MockHttpServletRequest request = secureRequest();
		request.setContextPath("/app");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.tokens.saveToken(this.tokens.generateToken(request), request, response);
		String setCookie = response.getHeader("Set-Cookie");
		assertThat(setCookie).startsWith("__Host-XSRF-TOKEN=")
			.contains("; Path=/;", "; Secure", "; HttpOnly")
			.doesNotContainIgnoringCase("Domain=");
	}

	@Test
	void overPlainHttpTheCookieKeepsItsPlainName() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.tokens.saveToken(this.tokens.generateToken(request), request, response);
		assertThat(response.getHeader("Set-Cookie")).startsWith("XSRF-TOKEN=").doesNotContain("Secure");
	}

	@Test
	void loadsTokensItSigned() {
		CsrfToken token = this.tokens.generateToken(secureRequest());
		MockHttpServletRequest request = secureRequest();
		request.setCookies(new Cookie("__Host-XSRF-TOKEN", token.getToken()));
		assertThat(this.tokens.loadToken(request)).extracting(CsrfToken::getToken).isEqualTo(token.getToken());
	}

	@Test
	void ignoresInventedUnsignedOrForeignTokens() {
		String foreign = repository("another key of at least thirty-two chars").generateToken(secureRequest())
			.getToken();
		String own = this.tokens.generateToken(secureRequest()).getToken();
		String tampered = "A" + own.substring(1);
		for (String invented : new String[] { "d41d8cd98f00b204e9800998ecf8427e", own.substring(0, own.indexOf('.')),
				own.substring(0, own.indexOf('.') + 1), foreign, tampered,
				"." + own.substring(own.indexOf('.') + 1) }) {
			MockHttpServletRequest request = secureRequest();
			request.setCookies(new Cookie("__Host-XSRF-TOKEN", invented));
			assertThat(this.tokens.loadToken(request)).as(invented).isNull();
		}
	}

	@Test
	void overHttpsAPlainNamedCookieIsNotRead() {
		// a sibling subdomain can set XSRF-TOKEN for the parent domain, never __Host-
		MockHttpServletRequest request = secureRequest();
		request.setCookies(new Cookie("XSRF-TOKEN", this.tokens.generateToken(request).getToken()));
		assertThat(this.tokens.loadToken(request)).isNull();
	}

	private static MockHttpServletRequest secureRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setScheme("https");
		request.setSecure(true);
		request.setServerPort(443);
		return request;
	}

	private static SignedCsrfTokenRepository repository(String key) {
		return new SignedCsrfTokenRepository(key.getBytes(StandardCharsets.UTF_8), new SecureRandom());
	}

}
