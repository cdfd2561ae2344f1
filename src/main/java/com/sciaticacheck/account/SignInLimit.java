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
		if (!HttpMethod.POST.matches(request.getMethod())) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals(PASSWORD_PATH) || path.equals(PASSKEY_PATH) || path.equals(SignIns.DEVICE_PAGE));
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
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals(PASSWORD_PATH)) {
			String email = request.getParameter("email");
			return (email != null) ? Accounts.normalise(email) : null;
		}
		if (path.equals(SignIns.DEVICE_PAGE)) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null) ? Accounts.normalise(authentication.getName()) : null;
		}
		return null;
	}

	private static void refuse(RateLimiter.Decision decision, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals(PASSKEY_PATH)) {
			// the passkey script reads the status and shows the message itself
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
			return;
		}
		request.setAttribute(RETRY_MINUTES, (decision.retryAfterSeconds() + 59) / 60);
		request.getRequestDispatcher(LIMITED_PAGE).forward(request, response);
	}

}
