package com.sciaticacheck.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * No accounts: every page is open, and secret links are the only keys. Spring Security is
 * here for CSRF protection of every form. The token lives in a cookie (double submit),
 * not a session, so several instances behind a load balancer need no shared session. The
 * JSON API takes no cookies and is exempt.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
	 * The CSRF cookie: HttpOnly (forms carry the token in a hidden field), SameSite=Lax,
	 * and Secure whenever the request came over HTTPS (directly or through a trusted
	 * proxy).
	 */
	private static CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return tokens;
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
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens())
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
