package com.sciaticacheck.system;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of the app, for every absolute link it hands out (client links, QR codes,
 * links in mail, FHIR canonical URLs) and for the passkey relying party: the configured
 * public address ({@code sciatica.share.public-url}). Without one, the request's own
 * address is used only when it names this machine (localhost, 127.0.0.1, [::1]), so the
 * app run with one command links to itself; any other Host header (or forwarded host)
 * could be an attacker's, and a physio would hand out links to the attacker's site, so
 * those get links to localhost on the port the request came in on.
 */
@Component
public class PublicAddress {

	private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private final String publicUrl;

	private final Environment environment;

	PublicAddress(@Value("${sciatica.share.public-url:}") String publicUrl, Environment environment) {
		this.publicUrl = publicUrl.strip();
		this.environment = environment;
	}

	/** The configured public address, if one is set. */
	public Optional<URI> configured() {
		return this.publicUrl.isEmpty() ? Optional.empty() : Optional.of(URI.create(this.publicUrl));
	}

	/** A builder on the app's address, for the current request. */
	public UriComponentsBuilder base() {
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

	/**
	 * The app's address without a trailing slash, outside any request (mail sent in the
	 * background): the configured public address, else this machine on the port the app
	 * listens on, as a request from an unknown host would get.
	 */
	public String backgroundBaseUrl() {
		String base = this.publicUrl.isEmpty() ? "http://localhost:"
				+ this.environment.getProperty("local.server.port", this.environment.getProperty("server.port", "8080"))
				: this.publicUrl;
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** The app's address without a trailing slash, for the current request. */
	public String baseUrl() {
		String base = base().toUriString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
