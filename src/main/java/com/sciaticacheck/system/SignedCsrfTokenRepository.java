package com.sciaticacheck.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Double-submit CSRF tokens that only this server can make: a random value and its
 * HMAC-SHA256 under a server key, kept in a cookie so pages need no server session. A
 * plain double-submit cookie trusts any pair that matches, so whoever can set a cookie
 * for this host (a sibling subdomain, a network attacker on plain HTTP) could invent one;
 * a cookie whose signature does not check out is treated as absent, and the form's field
 * then matches nothing.
 *
 * <p>
 * Over HTTPS the cookie is named {@code __Host-XSRF-TOKEN}: browsers accept that name
 * only from this host, Secure, with Path=/ and no Domain, so a sibling subdomain cannot
 * plant even a genuinely signed token taken from its own visit. Over plain HTTP (local
 * use) browsers refuse the prefix, so the cookie keeps the plain name there.
 */
final class SignedCsrfTokenRepository implements CsrfTokenRepository {

	static final String COOKIE_NAME = "XSRF-TOKEN";

	static final String SECURE_COOKIE_NAME = "__Host-XSRF-TOKEN";

	private static final String PARAMETER_NAME = "_csrf";

	private static final String HEADER_NAME = "X-XSRF-TOKEN";

	private static final int RANDOM_BYTES = 32;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final CookieCsrfTokenRepository plainCookie;

	private final CookieCsrfTokenRepository secureCookie;

	private final SecretKeySpec key;

	private final SecureRandom random;

	SignedCsrfTokenRepository(byte[] key, SecureRandom random) {
		this.key = new SecretKeySpec(key, "HmacSHA256");
		this.random = random;
		this.plainCookie = cookies(COOKIE_NAME);
		this.secureCookie = cookies(SECURE_COOKIE_NAME);
		this.secureCookie.setCookiePath("/");
		this.secureCookie.setCookieCustomizer((cookie) -> cookie.sameSite("Lax").secure(true).path("/"));
	}

	/**
	 * HttpOnly (forms carry the token in a hidden field), SameSite=Lax, and Secure
	 * whenever the request came over HTTPS (directly or through a trusted proxy).
	 */
	private static CookieCsrfTokenRepository cookies(String name) {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName(name);
		tokens.setParameterName(PARAMETER_NAME);
		tokens.setHeaderName(HEADER_NAME);
		tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return tokens;
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		byte[] value = new byte[RANDOM_BYTES];
		this.random.nextBytes(value);
		String encoded = ENCODER.encodeToString(value);
		return new DefaultCsrfToken(HEADER_NAME, PARAMETER_NAME, encoded + "." + sign(encoded));
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		cookies(request).saveToken(token, request, response);
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		CsrfToken token = cookies(request).loadToken(request);
		return (token != null && signedHere(token.getToken())) ? token : null;
	}

	private CookieCsrfTokenRepository cookies(HttpServletRequest request) {
		return request.isSecure() ? this.secureCookie : this.plainCookie;
	}

	boolean signedHere(String token) {
		int dot = token.indexOf('.');
		if (dot < 1) {
			return false;
		}
		byte[] expected = sign(token.substring(0, dot)).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given);
	}

	private String sign(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return ENCODER.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			// every Java has HmacSHA256
			throw new IllegalStateException(ex);
		}
	}

}
