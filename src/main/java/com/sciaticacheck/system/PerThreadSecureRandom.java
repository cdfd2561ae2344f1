package com.sciaticacheck.system;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} whose every thread draws from its own DRBG (NIST SP 800-90A),
 * each seeded by the operating system when the thread first needs it. The default
 * generator is shared behind a lock, and every page with a form draws from it to mask its
 * CSRF token: under load, requests queued on that lock (a profile of the questionnaire
 * page showed waits of 25 to 90 ms). A DRBG rather than another default instance, because
 * default (NativePRNG) instances all share one source and its lock.
 */
final class PerThreadSecureRandom extends SecureRandom {

	private static final long serialVersionUID = 1L;

	private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(PerThreadSecureRandom::drbg);

	private static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java since 9 has it; without it, the default is still secure
			return new SecureRandom();
		}
	}

	@Override
	public void nextBytes(byte[] bytes) {
		GENERATOR.get().nextBytes(bytes);
	}

	@Override
	public int nextInt() {
		return GENERATOR.get().nextInt();
	}

	@Override
	public long nextLong() {
		return GENERATOR.get().nextLong();
	}

	@Override
	public byte[] generateSeed(int numBytes) {
		return GENERATOR.get().generateSeed(numBytes);
	}

}
