package com.sciaticacheck.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets for links: 256 random bits, URL-safe. Only their SHA-256 hashes are stored, so
 * a copy of the database does not give a working link.
 */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

	/** Secrets are 43 URL-safe characters; anything else is not one of ours. */
	static final int LENGTH = 43;

	private Secrets() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return URL_SAFE.encodeToString(bytes);
	}

	/**
	 * The client link's secret, derived from the dashboard's, so the dashboard can always
	 * show the link and its QR code while the database holds neither.
	 */
	static String clientSecretFor(String dashboardSecret) {
		return URL_SAFE.encodeToString(sha256("client-link:" + dashboardSecret));
	}

	static String hash(String secret) {
		return HexFormat.of().formatHex(sha256(secret));
	}

	static boolean looksValid(String secret) {
		return secret != null && secret.length() == LENGTH
				&& secret.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
