package com.sciaticacheck.share;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import com.sciaticacheck.system.Tokens;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Links as the app made them before accounts, straight in the database: no account, no
 * public id, no client secret in clear, only the hashes of the dashboard secret and of
 * the client secret derived from it.
 */
final class LinksBeforeAccounts {

	private LinksBeforeAccounts() {
	}

	/**
	 * A link made before accounts, with the secrets its physio was given then.
	 *
	 * @param id the row's id
	 * @param dashboardSecret the secret of its old dashboard address
	 * {@code /clinic/{secret}}
	 * @param client the client link's path
	 */
	record OldLink(long id, String dashboardSecret, String client) {

		String dashboard() {
			return "/clinic/" + this.dashboardSecret;
		}

	}

	static OldLink insert(JdbcTemplate jdbc, String clinicName, int days, Instant createdAt) {
		String dashboardSecret = Tokens.generate();
		String clientSecret = Secrets.clientSecretFor(dashboardSecret);
		jdbc.update(
				"insert into share_link (client_secret_hash, dashboard_secret_hash, clinic_name, days, created_at,"
						+ " accepts_until) values (?, ?, ?, ?, ?, ?)",
				Tokens.hash(clientSecret), Tokens.hash(dashboardSecret), clinicName, days, Timestamp.from(createdAt),
				Timestamp.from(createdAt.plus(Duration.ofDays(days))));
		Long id = jdbc.queryForObject("select id from share_link where dashboard_secret_hash = ?", Long.class,
				Tokens.hash(dashboardSecret));
		return new OldLink(id, dashboardSecret, "/c/" + clientSecret);
	}

}
