package com.sciaticacheck.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * A clinic or practitioner's account. The email address is stored in lower case, the
 * password only as a bcrypt hash; until the address is confirmed, nobody can sign in.
 */
record Account(@Id Long id, String email, String displayName, String passwordHash, Instant emailConfirmedAt,
		Instant createdAt) {

	boolean confirmed() {
		return this.emailConfirmedAt != null;
	}

	ClinicAccount clinicAccount() {
		return new ClinicAccount(this.id, this.email, this.displayName);
	}

}
