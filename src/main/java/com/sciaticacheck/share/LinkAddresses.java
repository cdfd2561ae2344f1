package com.sciaticacheck.share;

import com.sciaticacheck.system.PublicAddress;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute addresses of the links a physio hands out, on the app's {@link PublicAddress}
 * (never an unknown Host header). A deployment reached by any other name than this
 * machine's sets the public address.
 */
@Component
class LinkAddresses {

	private static final Log logger = LogFactory.getLog(LinkAddresses.class);

	private final PublicAddress address;

	LinkAddresses(PublicAddress address, Environment environment) {
		this.address = address;
		if (address.configured().isEmpty() && environment.matchesProfiles("postgres")) {
			// a deployment: links to localhost would be printed on QR codes that lead
			// nowhere
			logger.warn("SCIATICA_SHARE_PUBLIC_URL is not set: links shown to physios will point to localhost");
		}
	}

	String client(String clientSecret) {
		return this.address.base().path("/c/{secret}").buildAndExpand(clientSecret).toUriString();
	}

	/** The links API's resource of a link's submissions, for {@code Location}. */
	String apiSubmissions(String publicId) {
		return this.address.base()
			.path(LinksApiController.PATH + "/{id}/submissions")
			.buildAndExpand(publicId)
			.toUriString();
	}

	/**
	 * The address of the app itself, without a trailing slash: for FHIR canonical URLs
	 * too.
	 */
	String baseUrl() {
		return this.address.baseUrl();
	}

}
