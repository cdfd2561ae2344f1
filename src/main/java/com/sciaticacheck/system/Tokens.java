package com.sciaticacheck.system;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets and ids, one definition for every feature: secrets are 256 random bits
 * in 43 URL-safe characters, stored only as SHA-256 hashes, so a copy of the database
 * gives no working link or token; public ids are 128 random bits in 22 letters and
 * digits, which name a row without counting rows.
 */
public final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

	/** Secrets are 43 URL-safe characters; anything else is not one of ours. */
	public static final int LENGTH = 43;

	/** Letters and digits: public ids are valid FHIR resource ids too (no '_'). */
	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	/** Public ids are 22 characters: enough for 128 bits in base 62. */
	public static final int PUBLIC_ID_LENGTH = 22;

	private Tokens() {
	}

	/** A new secret: 256 random bits, URL-safe. */
	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return URL_SAFE.encodeToString(bytes);
	}

	/** Whether the text has the shape of one of our secrets, before any look-up. */
	public static boolean looksValid(String secret) {
		return secret != null && secret.length() == LENGTH
				&& secret.chars().allMatch((c) -> (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_');
	}

	/** A public id: 128 random bits in 22 letters and digits. */
	public static String publicId() {
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
	public static boolean looksLikePublicId(String id) {
		return id != null && id.length() == PUBLIC_ID_LENGTH && id.chars().allMatch((c) -> BASE62.indexOf(c) >= 0);
	}

	/** The hex SHA-256 of a secret, as stored. */
	public static String hash(String secret) {
		return HexFormat.of().formatHex(sha256(secret));
	}

	/** The raw SHA-256 of a text. */
	public static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	/** URL-safe base 64 without padding, as secrets are written. */
	public static String urlSafe(byte[] bytes) {
		return URL_SAFE.encodeToString(bytes);
	}

}
