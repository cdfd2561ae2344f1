package com.sciaticacheck.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages under secret links are kept out of caches, referrers and search engines, so the
 * secret in the address goes nowhere else; so are the clinic's pages, the dashboard
 * included, which show clients' answers.
 */
@Component
class SecretPageHeaders extends OncePerRequestFilter {

	private static final String[] SECRET_PATHS = { "/c/", "/clinic/", "/r/", "/api/v1/links/" };

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.equals("/clinic")) {
			// the dashboard: every clinic's answers in one place
			return false;
		}
		for (String prefix : SECRET_PATHS) {
			if (path.startsWith(prefix)) {
				return false;
			}
		}
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		chain.doFilter(request, response);
	}

}
