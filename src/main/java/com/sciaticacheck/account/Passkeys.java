package com.sciaticacheck.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The passkeys of an account, as stored by Spring Security (its owner row in
 * {@code user_entities} carries the account's email address as name).
 */
@Component
public class Passkeys {

	private final JdbcTemplate jdbc;

	Passkeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the account has a passkey: the dashboard asks to add one until it does. */
	public boolean any(ClinicAccount account) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id "
						+ "where u.name = ?",
				Integer.class, account.email());
		return count != null && count > 0;
	}

}
