package com.sciaticacheck.share;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute addresses of the links a physio hands out: from the configured public address,
 * or else from the current request (proxies' forwarded headers are honoured, see
 * {@code server.forward-headers-strategy}).
 */
@Component
class LinkAddresses {

	private final String publicUrl;

	LinkAddresses(ShareSettings settings) {
		this.publicUrl = settings.publicUrl().strip();
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

	private UriComponentsBuilder base() {
		return this.publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath()
				: UriComponentsBuilder.fromUriString(this.publicUrl);
	}

}
