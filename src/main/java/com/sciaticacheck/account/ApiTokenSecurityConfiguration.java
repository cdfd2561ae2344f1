package com.sciaticacheck.account;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sciaticacheck.system.PageSecurity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The links API in a filter chain of its own, ordered before the clinic's and the
 * runner's: a personal access token in {@code Authorization: Bearer} and nothing else
 * opens it. No session is read or made and no cookie counts, so a signed-in browser gets
 * no access by visiting, and no CSRF token is needed. Without a current token the answer
 * is a 401 problem, never a redirect to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class ApiTokenSecurityConfiguration {

	/** The links API's collection; its links and their submissions are under it. */
	static final String LINKS_API = "/api/v2/links";

	/** Every address the chain covers, and the only ones a token opens. */
	static final RequestMatcher LINKS_API_PATHS = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher(LINKS_API),
			PathPatternRequestMatcher.withDefaults().matcher(LINKS_API + "/**"));

	/** Set on a request whose token was sent but is not current. */
	private static final String INVALID_TOKEN = ApiTokenSecurityConfiguration.class.getName() + ".invalid";

	private static final String BEARER = "Bearer ";

	@Bean
	@Order(0)
	SecurityFilterChain linksApiFilterChain(HttpSecurity http, ApiTokens tokens, MessageSource messages,
			JsonMapper json) {
		http.securityMatcher(LINKS_API_PATHS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(ApiTokenAuthentication.LINKS_API))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext((context) -> context.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.formLogin((login) -> login.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized(messages, json))
				.accessDeniedHandler((request, response, denied) -> response.sendError(HttpStatus.FORBIDDEN.value())))
			.addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class)
			// after the token check: a request without one learns only that it needs one
			.addFilterAfter(PageSecurity.multipartRefusal(), AuthorizationFilter.class);
		PageSecurity.headers(http);
		return http.build();
	}

	/**
	 * The 401 problem, written here since no controller is reached: with the challenge
	 * RFC 6750 asks for, saying whether the token was missing or not current.
	 */
	private static AuthenticationEntryPoint unauthorized(MessageSource messages, JsonMapper json) {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			boolean invalid = request.getAttribute(INVALID_TOKEN) != null;
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
			// as every answer of the links API (system's SecretPageHeaders, which this
			// answer never reaches)
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			// JSON is UTF-8 by definition: bytes, so no charset is added to the type
			response.getOutputStream()
				.write(json
					.writeValueAsBytes(problem(invalid, request.getRequestURI(), messages, request.getLocale())));
		};
	}

	/**
	 * The problem body of a 401, as the API's problems are written; the OpenAPI
	 * description's example reads the same messages.
	 */
	static Map<String, Object> problem(boolean invalid, String path, MessageSource messages, Locale locale) {
		String key = invalid ? "problem.tokenInvalid" : "problem.tokenMissing";
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("title", messages.getMessage(key + ".title", null, locale));
		problem.put("status", HttpStatus.UNAUTHORIZED.value());
		problem.put("detail", messages.getMessage(key + ".detail", null, locale));
		problem.put("instance", path);
		return problem;
	}

	/**
	 * Reads {@code Authorization: Bearer <token>}: a current token makes the request act
	 * for its account; any other leaves it unauthenticated, for the entry point to
	 * refuse.
	 */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

		private final ApiTokens tokens;

		BearerTokenFilter(ApiTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header != null) {
				Optional<ClinicAccount> account = bearer(header).flatMap(this.tokens::authenticate);
				if (account.isPresent()) {
					SecurityContext context = this.contexts.createEmptyContext();
					context.setAuthentication(new ApiTokenAuthentication(account.get()));
					this.contexts.setContext(context);
				}
				else {
					request.setAttribute(INVALID_TOKEN, Boolean.TRUE);
				}
			}
			chain.doFilter(request, response);
		}

		/** The token of a Bearer header; the scheme's name is not case-sensitive. */
		private static Optional<String> bearer(String header) {
			if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				return Optional.empty();
			}
			return Optional.of(header.substring(BEARER.length()).strip());
		}

	}

}
