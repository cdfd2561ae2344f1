package com.sciaticacheck.share;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute addresses of the links a physio hands out: from the configured public address.
 * Without one, the request's own address is used only when it names this machine
 * (localhost, 127.0.0.1, [::1]), so the app run with one command links to itself; any
 * other Host header (or forwarded host) could be an attacker's, and a physio would hand
 * out links to the attacker's site, so those get links to localhost on the port the
 * request came in on. A deployment reached by any other name sets the public address.
 */
@Component
class LinkAddresses {

	private static final Log logger = LogFactory.getLog(LinkAddresses.class);

	private final String publicUrl;

	LinkAddresses(ShareSettings settings, Environment environment) {
		this.publicUrl = settings.publicUrl().strip();
		if (this.publicUrl.isEmpty() && environment.matchesProfiles("postgres")) {
			// a deployment: links to localhost would be printed on QR codes that lead
			// nowhere
			logger.warn("SCIATICA_SHARE_PUBLIC_URL is not set: links shown to physios will point to localhost");
		}
	}

	String client(String clientSecret) {
		return base().path("/c/{secret}").buildAndExpand(clientSecret).toUriString();
	}

	String dashboard(String dashboardSecret) {
		return base().path("/clinic/{secret}").buildAndExpand(dashboardSecret).toUriString();
	}

	/**
	 * The address of the app itself, without a trailing slash: for FHIR canonical URLs
	 * too.
	 */
	String baseUrl() {
		String base = base().toUriString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private UriComponentsBuilder base() {
		if (!this.publicUrl.isEmpty()) {
			return UriComponentsBuilder.fromUriString(this.publicUrl);
		}
		UriComponentsBuilder fromRequest = ServletUriComponentsBuilder.fromCurrentContextPath();
		String host = fromRequest.build().getHost();
		if (host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
			return fromRequest;
		}
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		return UriComponentsBuilder.newInstance()
			.scheme("http")
			.host("localhost")
			.port(request.getLocalPort())
			.path(request.getContextPath());
	}

}
