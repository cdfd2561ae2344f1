package com.sciaticacheck.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least 12 characters, at most what bcrypt reads (72
 * bytes), and not a common password, also not one with digits or symbols added at the end
 * ("password1234!"), checked against a shipped list of about 49,000 (see the list's
 * header for where it comes from).
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	/** bcrypt reads 72 bytes of a password and Spring Security refuses longer ones. */
	static final int MAX_BYTES = 72;

	private static final String LIST = "account/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	/** The message key of what is wrong with the password, or empty when it will do. */
	Optional<String> problem(String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("account.password.tooShort");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("account.password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String core = lower.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
		if (this.common.contains(lower) || this.common.contains(core) || lower.codePoints().distinct().count() <= 2) {
			return Optional.of("account.password.common");
		}
		return Optional.empty();
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>(64 * 1024);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(LIST).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(line.strip());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The list of common passwords is missing: " + LIST, ex);
		}
		return Set.copyOf(words);
	}

}
