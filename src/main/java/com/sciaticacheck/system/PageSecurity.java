package com.sciaticacheck.system;

import java.util.List;

import jakarta.servlet.Filter;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * What the filter chains share, one definition for the runner's chain here and the
 * account module's (the clinic's, the links API's): the security headers, the refusal of
 * multipart bodies and the masking of CSRF tokens.
 */
public final class PageSecurity {

	/**
	 * Only this app's own files, no inline script or style, no framing: nothing on a page
	 * can send health data elsewhere.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'none'; object-src 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	private PageSecurity() {
	}

	/** The content security policy, no referrer, no framing, no device features. */
	public static void headers(HttpSecurity http) {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions((frames) -> frames.deny())
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
	}

	/**
	 * The filter that refuses multipart bodies unread (see {@link MultipartRefusal}), for
	 * a chain to place where its requests may first be refused.
	 */
	public static Filter multipartRefusal() {
		return new MultipartRefusal(List.of());
	}

	/**
	 * Multipart bodies refused with 415 before the CSRF check would make Tomcat read them
	 * ({@link MultipartRefusal}): no form of the chain takes a file.
	 */
	public static void refuseMultipart(HttpSecurity http) {
		refuseMultipart(http, List.of());
	}

	/**
	 * Multipart bodies refused with 415 before the CSRF check would make Tomcat read
	 * them, except on the paths of these uploads.
	 */
	static void refuseMultipart(HttpSecurity http, List<FileUploads> uploads) {
		http.addFilterBefore(new MultipartRefusal(uploads), CsrfFilter.class);
	}

	/**
	 * Spring Security's default handler, which masks the token afresh in every response
	 * (so compressed pages give BREACH nothing to learn), drawing from a generator per
	 * thread instead of one behind a lock.
	 */
	public static XorCsrfTokenRequestAttributeHandler maskedTokens() {
		XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
		handler.setSecureRandom(new PerThreadSecureRandom());
		return handler;
	}

}
