package com.sciaticacheck.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute session timeout: a session ends this long after its sign-in completed,
 * however active it has been (the idle timeout is Spring Session's own). An ended session
 * is invalidated, on every instance at once as it lives in the database, and the request
 * goes on signed out, so a page asks to sign in again.
 */
class SessionTimeout extends OncePerRequestFilter {

	private final Clock clock;

	private final Duration absolute;

	SessionTimeout(Clock clock, Duration absolute) {
		this.clock = clock;
		this.absolute = absolute;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SignIns.SIGNED_IN_AT) != null
				&& SignIns.expired(session, this.clock.instant(), this.absolute)) {
			session.invalidate();
			SecurityContextHolder.clearContext();
		}
		chain.doFilter(request, response);
	}

}
