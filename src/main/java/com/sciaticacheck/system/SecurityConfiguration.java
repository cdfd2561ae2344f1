package com.sciaticacheck.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * No accounts: every page is open, and secret links are the only keys. Spring Security is
 * here for CSRF protection of every form. The token lives in a cookie (double submit),
 * not a session, so several instances behind a load balancer need no shared session. The
 * JSON API takes no cookies and is exempt.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.ignoringRequestMatchers("/api/**"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.formLogin((login) -> login.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable());
		return http.build();
	}

}
