package com.sciaticacheck.share;

import com.sciaticacheck.system.Tokens;

/**
 * Secrets of share links, on {@link Tokens}: the client link's secret is derived from the
 * dashboard's, so a link made before accounts can show its client link while the database
 * holds neither.
 */
final class Secrets {

	static final int LENGTH = Tokens.LENGTH;

	static final int PUBLIC_ID_LENGTH = Tokens.PUBLIC_ID_LENGTH;

	private Secrets() {
	}

	static String generate() {
		return Tokens.generate();
	}

	static String publicId() {
		return Tokens.publicId();
	}

	static boolean looksLikePublicId(String id) {
		return Tokens.looksLikePublicId(id);
	}

	/**
	 * The client link's secret, derived from the dashboard's, so the dashboard can always
	 * show the link and its QR code while the database holds neither.
	 */
	static String clientSecretFor(String dashboardSecret) {
		return Tokens.urlSafe(Tokens.sha256("client-link:" + dashboardSecret));
	}

	static String hash(String secret) {
		return Tokens.hash(secret);
	}

	static boolean looksValid(String secret) {
		return Tokens.looksValid(secret);
	}

}
