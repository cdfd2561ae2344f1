package com.sciaticacheck.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * The passkeys of an account, as stored by Spring Security (its owner row in
 * {@code user_entities} carries the account's email address as name).
 */
@Component
public class Passkeys {

	/** A credential id as Spring Security writes it: base64url without padding. */
	private static final Pattern CREDENTIAL_ID = Pattern.compile("[A-Za-z0-9_-]{16,1400}");

	/** One passkey, as the account page lists it; the id is base64url. */
	record Passkey(String id, String label, Instant created, Instant lastUsed) {

		static Passkey of(CredentialRecord record) {
			return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
					record.getLastUsed());
		}

	}

	private final JdbcTemplate jdbc;

	private final PublicKeyCredentialUserEntityRepository owners;

	private final UserCredentialRepository credentials;

	Passkeys(JdbcTemplate jdbc, PublicKeyCredentialUserEntityRepository owners, UserCredentialRepository credentials) {
		this.jdbc = jdbc;
		this.owners = owners;
		this.credentials = credentials;
	}

	/** Whether the account has a passkey: the dashboard asks to add one until it does. */
	public boolean any(ClinicAccount account) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id "
						+ "where u.name = ?",
				Integer.class, account.email());
		return count != null && count > 0;
	}

	/** The account's passkeys, oldest first. */
	List<Passkey> of(String email) {
		PublicKeyCredentialUserEntity owner = this.owners.findByUsername(email);
		if (owner == null) {
			return List.of();
		}
		return this.credentials.findByUserId(owner.getId())
			.stream()
			.map(Passkey::of)
			.sorted(Comparator.comparing(Passkey::created))
			.toList();
	}

	/**
	 * Removes one of the account's own passkeys. Any other id, another account's passkey
	 * included, removes nothing and says nothing of why.
	 * @return the passkey removed, or empty
	 */
	Optional<Passkey> remove(ClinicAccount account, String credentialId) {
		if (credentialId == null || !CREDENTIAL_ID.matcher(credentialId).matches()) {
			return Optional.empty();
		}
		Bytes id;
		try {
			id = Bytes.fromBase64(credentialId);
		}
		catch (IllegalArgumentException ex) {
			// a length no base64 has
			return Optional.empty();
		}
		CredentialRecord record = this.credentials.findByCredentialId(id);
		PublicKeyCredentialUserEntity owner = this.owners.findByUsername(account.email());
		if (record == null || owner == null || !owner.getId().equals(record.getUserEntityUserId())) {
			return Optional.empty();
		}
		this.credentials.delete(id);
		return Optional.of(Passkey.of(record));
	}

	/** Removes every passkey of the account: after a password reset. */
	void removeAll(String email) {
		this.jdbc.update("delete from user_credentials where user_entity_user_id in "
				+ "(select id from user_entities where name = ?)", email);
	}

}
