package com.sciaticacheck.share;

import com.sciaticacheck.system.Tokens;

/**
 * The one secret of share links not made by {@link Tokens} alone: a link made before
 * accounts derives its client secret from its dashboard secret, so it could show its
 * client link while the database held neither.
 */
final class Secrets {

	private Secrets() {
	}

	/** The client link's secret of a link made before accounts. */
	static String clientSecretFor(String dashboardSecret) {
		return Tokens.urlSafe(Tokens.sha256("client-link:" + dashboardSecret));
	}

}
