package com.sciaticacheck.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that signs CSRF tokens, settable as {@code SCIATICA_CSRF_KEY}.
 *
 * @param key at least 32 characters; empty to generate one at start-up, which is right
 * for a single instance only: every instance behind a load balancer must share the key,
 * or a form loaded from one is refused by another
 */
@ConfigurationProperties("sciatica.csrf")
record CsrfSettings(@DefaultValue("") String key) {

	static final int MIN_KEY_LENGTH = 32;

	CsrfSettings {
		if (!key.isEmpty() && key.length() < MIN_KEY_LENGTH) {
			throw new IllegalArgumentException(
					"sciatica.csrf.key must be at least " + MIN_KEY_LENGTH + " characters, or empty to generate one");
		}
	}

}
