package com.sciaticacheck.system;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every address but the clinic's (which the account module guards with its own chain,
 * ordered before this one): the runner's pages are open, client links and result links
 * are their own keys, and nothing here makes a server session. Spring Security is here
 * for CSRF protection of every form: the token lives in a cookie (double submit, signed
 * with a server key), not a session, so several instances behind a load balancer need no
 * shared session. The JSON API takes no cookies and is exempt.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Log logger = LogFactory.getLog(SecurityConfiguration.class);

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

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain securityFilterChain(HttpSecurity http, CsrfSettings csrfSettings, List<FileUploads> uploads) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens(csrfSettings))
				.csrfTokenRequestHandler(PageSecurity.maskedTokens())
				.ignoringRequestMatchers("/api/**"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.formLogin((login) -> login.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable());
		PageSecurity.headers(http);
		PageSecurity.refuseMultipart(http, uploads);
		return http.build();
	}

}
