package com.sciaticacheck.account;

import java.time.Clock;
import java.util.List;

import com.sciaticacheck.system.PageSecurity;
import com.sciaticacheck.system.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;

/**
 * Every clinic address, and the passkey endpoints, in a filter chain of their own,
 * ordered before the runner's: server sessions (in the database, see
 * {@link SessionCookies}), session-bound CSRF tokens, sign-in by passkey or password, and
 * every page but the sign-in ones closed to a session without a complete sign-in
 * ({@link SignIns}).
 */
@Configuration(proxyBeanMethods = false)
class ClinicSecurityConfiguration {

	/** Open to anyone: signing in, signing up and recovering an account. */
	static final String[] OPEN_PAGES = { "/clinic/sign-in", "/clinic/sign-in/limited", "/clinic/sign-up",
			"/clinic/sign-up/sent", "/clinic/confirm", "/clinic/forgot-password", "/clinic/reset-password" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain clinicFilterChain(HttpSecurity http, SignIns signIns, RelyingParty relyingParty,
			RateLimiter limiter, AccountSettings settings, Clock clock, Accounts accounts, Passkeys accountPasskeys,
			AccessLog log, JsonMapper json) {
		CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
		RequestCache requestCache = new PathOnlyRequestCache();
		http.securityMatcher("/clinic", "/clinic/**", "/login/webauthn", "/webauthn/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(OPEN_PAGES)
				.permitAll()
				.requestMatchers(SignIns.DEVICE_PAGE)
				.authenticated()
				.anyRequest()
				.hasAuthority(SignIns.CLINIC))
			.securityContext((context) -> context.securityContextRepository(signIns.repository))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(PageSecurity.maskedTokens()))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.anonymous((anonymous) -> anonymous.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((login) -> login.loginPage("/clinic/sign-in")
				.loginProcessingUrl("/clinic/sign-in")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(signIns.passwordAccepted(requestCache))
				.failureUrl("/clinic/sign-in?error")
				.permitAll())
			.webAuthn((passkeys) -> passkeys.rpId(relyingParty.id())
				.rpName(RelyingParty.NAME)
				.disableDefaultRegistrationPage(true)
				.creationOptionsRepository(new SessionCreationOptions())
				.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
					@Override
					public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationSuccessHandler(signIns.passkeyAccepted(requestCache));
						filter.setSecurityContextRepository(signIns.repository);
						// a new session id and CSRF token at sign-in, as for passwords
						filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
								List.of(new ChangeSessionIdAuthenticationStrategy(),
										new CsrfAuthenticationStrategy(csrfTokens))));
						return filter;
					}
				}))
			.logout((logout) -> logout.logoutUrl("/clinic/sign-out").logoutSuccessUrl("/clinic/sign-in?signedOut"))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/clinic/sign-in"))
				.accessDeniedHandler(awaitingCodeOrForbidden()))
			.addFilterAfter(new SessionTimeout(clock, settings.absoluteSessionTimeout()),
					SecurityContextHolderFilter.class)
			.addFilterBefore(new SignInLimit(limiter, settings), UsernamePasswordAuthenticationFilter.class)
			// before authorization, so before the passkey registration that sits just
			// after it
			.addFilterBefore(new PasskeyRegistrations(accounts, accountPasskeys, log, json), AuthorizationFilter.class);
		PageSecurity.headers(http);
		PageSecurity.refuseMultipart(http);
		return http.build();
	}

	/**
	 * A session signed in by password on a new device, asking for a clinic page, is sent
	 * to type its code; anyone else without the right is refused.
	 */
	private static AccessDeniedHandler awaitingCodeOrForbidden() {
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (SignIns.awaitsDeviceCode(authentication)) {
				response.sendRedirect(request.getContextPath() + SignIns.DEVICE_PAGE);
				return;
			}
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		};
	}

}
