package com.sciaticacheck.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Remembers the clinic page a signed-out physio asked for, so signing in leads back to
 * it: only its path and query, and only for a page asked for by GET, never a form post or
 * a passkey call. Spring's own cache keeps the whole request, cookies and headers
 * included, and sessions live in the database: the trusted-device cookie would be stored
 * there in the clear.
 */
class PathOnlyRequestCache implements RequestCache {

	private static final String ATTRIBUTE = PathOnlyRequestCache.class.getName();

	private final RequestMatcher pages = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/clinic/**");

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		if (!this.pages.matches(request)) {
			return;
		}
		String query = request.getQueryString();
		request.getSession().setAttribute(ATTRIBUTE, request.getRequestURI() + ((query != null) ? "?" + query : ""));
	}

	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String address)) {
			return null;
		}
		return new SimpleSavedRequest(address);
	}

	/** Never replays a request: the page is simply asked for again after sign-in. */
	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		return null;
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}

}
