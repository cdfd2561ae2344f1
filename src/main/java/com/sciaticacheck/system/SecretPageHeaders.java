package com.sciaticacheck.system;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages under secret links, the clinic's pages (the dashboard included) and the links
 * API's answers (clients' answers, and client links) are kept out of caches, referrers
 * and search engines, so neither a secret in the address nor the data goes anywhere else.
 */
@Component
class SecretPageHeaders extends OncePerRequestFilter {

	private static final String[] SECRET_PATHS = { "/c/", "/clinic/", "/r/", "/api/v2/links/" };

	/**
	 * The dashboard (every client's answers in one place) and the links API's collection
	 * (every client link of an account).
	 */
	private static final Set<String> EXACT_PATHS = Set.of("/clinic", "/api/v2/links");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (EXACT_PATHS.contains(path)) {
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
