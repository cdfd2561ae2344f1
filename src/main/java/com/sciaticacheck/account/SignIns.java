package com.sciaticacheck.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.mail.MailException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The end of every sign-in. A passkey is a whole sign-in on its own. A password is whole
 * only from a browser the account has confirmed before; from any other, the session stays
 * half signed in (it may open the code page and nothing else) until the code mailed to
 * the account is typed in. A whole sign-in gets the {@link #CLINIC} authority, which
 * every clinic page needs, and the time it happened, which the absolute session timeout
 * counts from.
 */
@Component
class SignIns {

	/** The authority of a complete sign-in: every clinic page needs it. */
	static final String CLINIC = "CLINIC";

	/** The session attribute holding when the sign-in completed. */
	static final String SIGNED_IN_AT = SignIns.class.getName() + ".signedInAt";

	/** The page of a new device's code, under {@code /clinic}. */
	static final String DEVICE_PATH = "/sign-in/device";

	static final String DEVICE_PAGE = "/clinic" + DEVICE_PATH;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	/** The repository the sign-in filters save to: the request, then the session. */
	final SecurityContextRepository repository = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final Accounts accounts;

	private final TrustedDevices devices;

	private final AccessLog log;

	private final Clock clock;

	private final JsonMapper json;

	SignIns(Accounts accounts, TrustedDevices devices, AccessLog log, Clock clock, JsonMapper json) {
		this.json = json;
		this.accounts = accounts;
		this.devices = devices;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * After a correct password: a confirmed browser goes on to where it was going, any
	 * other is mailed a code and shown the page to type it in.
	 */
	AuthenticationSuccessHandler passwordAccepted(RequestCache requestCache) {
		SavedRequestAwareAuthenticationSuccessHandler onwards = onwards(requestCache);
		return (request, response, authentication) -> {
			Account account = this.accounts.byEmail(authentication.getName()).orElseThrow();
			if (this.devices.isTrusted(account.id(), request)) {
				complete(request, response, authentication);
				this.log.record(account.id(), AccessLog.Kind.SIGNED_IN_WITH_PASSWORD, null, request);
				onwards.onAuthenticationSuccess(request, response, this.contexts.getContext().getAuthentication());
				return;
			}
			try {
				this.accounts.sendDeviceCode(account);
				response.sendRedirect(request.getContextPath() + DEVICE_PAGE);
			}
			catch (MailException ex) {
				// the page says so; the session waits for a code that a later try sends
				response.sendRedirect(request.getContextPath() + DEVICE_PAGE + "?notSent");
			}
		};
	}

	/**
	 * After a passkey: complete, then the JSON answer the passkey script follows, to
	 * where the browser was going or the dashboard.
	 */
	AuthenticationSuccessHandler passkeyAccepted(RequestCache requestCache) {
		return (request, response, authentication) -> {
			Account account = this.accounts.byEmail(authentication.getName()).orElseThrow();
			complete(request, response, authentication);
			this.log.record(account.id(), AccessLog.Kind.SIGNED_IN_WITH_PASSKEY, null, request);
			SavedRequest saved = requestCache.getRequest(request, response);
			requestCache.removeRequest(request, response);
			String target = (saved != null) ? saved.getRedirectUrl() : request.getContextPath() + "/clinic";
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter()
				.write(this.json.writeValueAsString(Map.of("authenticated", true, "redirectUrl", target)));
		};
	}

	/**
	 * After the right code on the device page: the sign-in is complete, and this browser
	 * is trusted from now on.
	 */
	void deviceConfirmed(Account account, RequestCache requestCache, HttpServletRequest request,
			HttpServletResponse response) throws IOException, ServletException {
		// the step that lets the session see client data: a new session id and CSRF
		// token,
		// as at the password step, so an id planted while half signed in is worth nothing
		request.changeSessionId();
		new HttpSessionCsrfTokenRepository().saveToken(null, request, response);
		Authentication completed = complete(request, response, this.contexts.getContext().getAuthentication());
		this.devices.trust(account.id(), request, response);
		this.log.record(account.id(), AccessLog.Kind.NEW_DEVICE_CONFIRMED,
				AccessLog.describe(request.getHeader("User-Agent")), request);
		onwards(requestCache).onAuthenticationSuccess(request, response, completed);
	}

	/** Whether the session is signed in but waits for the code of a new device. */
	static boolean awaitsDeviceCode(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& authentication.getAuthorities().stream().noneMatch((a) -> CLINIC.equals(a.getAuthority()))
				&& !(authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
	}

	/**
	 * Whether the session's sign-in completed longer ago than the absolute timeout (or
	 * never recorded when).
	 */
	static boolean expired(HttpSession session, Instant now, java.time.Duration absolute) {
		Object at = session.getAttribute(SIGNED_IN_AT);
		return !(at instanceof Instant signedInAt) || !now.isBefore(signedInAt.plus(absolute));
	}

	private Authentication complete(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(CLINIC));
		UsernamePasswordAuthenticationToken completed = UsernamePasswordAuthenticationToken
			.authenticated(authentication.getName(), null, authorities);
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(completed);
		this.contexts.setContext(context);
		this.repository.saveContext(context, request, response);
		request.getSession().setAttribute(SIGNED_IN_AT, this.clock.instant());
		return completed;
	}

	private static SavedRequestAwareAuthenticationSuccessHandler onwards(RequestCache requestCache) {
		SavedRequestAwareAuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();
		onwards.setRequestCache(requestCache);
		onwards.setDefaultTargetUrl("/clinic");
		return onwards;
	}

}
