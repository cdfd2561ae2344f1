package com.sciaticacheck.system;

import java.security.SecureRandom;

/**
 * A {@link SecureRandom} whose every thread draws from its own generator, each seeded by
 * the operating system. The default one is shared behind a lock, and every page with a
 * form draws from it to mask its CSRF token: under load, requests queued on that lock (a
 * profile of the questionnaire page showed waits of 25 to 90 ms). The bytes are as
 * unpredictable; only the waiting is gone.
 */
final class PerThreadSecureRandom extends SecureRandom {

	private static final long serialVersionUID = 1L;

	private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(SecureRandom::new);

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
