package com.sciaticacheck.share;

import java.math.BigInteger;
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

	/** Letters and digits: public ids are valid FHIR resource ids too (no '_'). */
	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	/** Public ids are 22 characters: enough for 128 bits in base 62. */
	static final int PUBLIC_ID_LENGTH = 22;

	/**
	 * A public id for a submission: 128 random bits in 22 letters and digits. Not a
	 * secret (it works only under a dashboard's address), but it does not count, so it
	 * tells nobody how many answers other clinics received.
	 */
	static String publicId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		BigInteger value = new BigInteger(1, bytes);
		BigInteger base = BigInteger.valueOf(BASE62.length());
		char[] id = new char[PUBLIC_ID_LENGTH];
		for (int i = id.length - 1; i >= 0; i--) {
			BigInteger[] quotientAndRemainder = value.divideAndRemainder(base);
			id[i] = BASE62.charAt(quotientAndRemainder[1].intValue());
			value = quotientAndRemainder[0];
		}
		return new String(id);
	}

	/** Anything but 22 letters and digits is not one of our public ids. */
	static boolean looksLikePublicId(String id) {
		return id != null && id.length() == PUBLIC_ID_LENGTH && id.chars().allMatch((c) -> BASE62.indexOf(c) >= 0);
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
