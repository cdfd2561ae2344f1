package com.sciaticacheck.system;

import java.nio.charset.StandardCharsets;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * No accounts: every page is open, and secret links are the only keys. Spring Security is
 * here for CSRF protection of every form. The token lives in a cookie (double submit,
 * signed with a server key), not a session, so several instances behind a load balancer
 * need no shared session. The JSON API takes no cookies and is exempt.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Log logger = LogFactory.getLog(SecurityConfiguration.class);

	/**
	 * Only this app's own files, no inline script or style, no framing: nothing on a page
	 * can send health data elsewhere.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'none'; object-src 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	/**
	 * Signed double-submit tokens in a cookie (see {@link SignedCsrfTokenRepository}),
	 * under the configured key or, for a single instance, one made at start-up.
	 */
	private static SignedCsrfTokenRepository csrfTokens(CsrfSettings settings) {
		PerThreadSecureRandom random = new PerThreadSecureRandom();
		byte[] key;
		if (settings.key().isEmpty()) {
			logger.info("sciatica.csrf.key is not set: CSRF tokens are signed with a key made at start-up, "
					+ "so forms loaded before a restart or from another instance are refused");
			key = new byte[CsrfSettings.MIN_KEY_LENGTH];
			random.nextBytes(key);
		}
		else {
			key = settings.key().getBytes(StandardCharsets.UTF_8);
		}
		return new SignedCsrfTokenRepository(key, random);
	}

	/**
	 * Spring Security's default handler, which masks the token afresh in every response
	 * (so compressed pages give BREACH nothing to learn), drawing from a generator per
	 * thread instead of one behind a lock.
	 */
	private static XorCsrfTokenRequestAttributeHandler maskedTokens() {
		XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
		handler.setSecureRandom(new PerThreadSecureRandom());
		return handler;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, CsrfSettings csrfSettings) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens(csrfSettings))
				.csrfTokenRequestHandler(maskedTokens())
				.ignoringRequestMatchers("/api/**"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.formLogin((login) -> login.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.addFilterBefore(new MultipartRefusal(), CsrfFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions((frames) -> frames.deny())
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		return http.build();
	}

}
