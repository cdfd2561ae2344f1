package com.sciaticacheck.account;

import java.io.IOException;
import java.time.Duration;

import com.sciaticacheck.system.ClientAddress;
import com.sciaticacheck.system.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts, counted in the database so that they hold across every
 * instance: per client address (an IPv6 /64) for every way in, and per account for a
 * password (by the address typed) and for a new device's code. A refused attempt is a 429
 * with Retry-After, before any password is checked or code used up.
 */
class SignInLimit extends OncePerRequestFilter {

	static final String PASSWORD_PATH = "/clinic/sign-in";

	static final String PASSKEY_PATH = "/login/webauthn";

	static final String LIMITED_PAGE = "/clinic/sign-in/limited";

	/*
	 * The same matchers the sign-in filters use, on the decoded path: comparing the raw
	 * address let "/clinic/sign-%69n" sign in past the limit.
	 */
	private static final RequestMatcher PASSWORD = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, PASSWORD_PATH);

	private static final RequestMatcher PASSKEY = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, PASSKEY_PATH);

	private static final RequestMatcher DEVICE_CODE = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, SignIns.DEVICE_PAGE);

	/** The request attribute with the minutes to wait, for the page. */
	static final String RETRY_MINUTES = SignInLimit.class.getName() + ".retryMinutes";

	private final RateLimiter limiter;

	private final int perAccount;

	private final int perAddress;

	private final Duration window;

	SignInLimit(RateLimiter limiter, AccountSettings settings) {
		this.limiter = limiter;
		this.perAccount = settings.signInsPerAccount();
		this.perAddress = settings.signInsPerAddress();
		this.window = settings.signInWindow();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !(PASSWORD.matches(request) || PASSKEY.matches(request) || DEVICE_CODE.matches(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RateLimiter.Decision byAddress = this.limiter
			.tryAcquire("sign-in-address:" + ClientAddress.key(request.getRemoteAddr()), this.perAddress, this.window);
		if (!byAddress.granted()) {
			refuse(byAddress, request, response);
			return;
		}
		String account = accountOf(request);
		if (account != null) {
			RateLimiter.Decision byAccount = this.limiter.tryAcquire("sign-in-account:" + account, this.perAccount,
					this.window);
			if (!byAccount.granted()) {
				refuse(byAccount, request, response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** The account an attempt is at: the address typed, or the half-signed-in one's. */
	private static String accountOf(HttpServletRequest request) {
		if (PASSWORD.matches(request)) {
			String email = request.getParameter("email");
			return (email != null) ? Accounts.normalise(email) : null;
		}
		if (DEVICE_CODE.matches(request)) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null) ? Accounts.normalise(authentication.getName()) : null;
		}
		return null;
	}

	private static void refuse(RateLimiter.Decision decision, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
		if (PASSKEY.matches(request)) {
			// the passkey script reads the status and shows the message itself
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
			return;
		}
		request.setAttribute(RETRY_MINUTES, (decision.retryAfterSeconds() + 59) / 60);
		request.getRequestDispatcher(LIMITED_PAGE).forward(request, response);
	}

}
