package com.sciaticacheck.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.sciaticacheck.system.Tokens;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use tokens sent by email: 256 random bits, stored only as hashes, each for one
 * purpose and until a time. Using one deletes it, and only the request whose delete took
 * the row may act on it, so two clicks, two tabs or two instances use it once.
 */
@Component
class EmailedTokens {

	enum Purpose {

		/** Confirms the address given at sign-up. */
		CONFIRM_EMAIL,

		/** Sets a new password after "forgot password". */
		RESET_PASSWORD,

		/** Confirms a new device after a password sign-in. */
		NEW_DEVICE

	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	EmailedTokens(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A new token for the account; earlier ones for the same purpose stop working, so
	 * only the newest mail's link or code counts.
	 */
	@Transactional
	String issue(long accountId, Purpose purpose, Duration lifetime) {
		this.jdbc.update("delete from account_token where account_id = ? and purpose = ?", accountId, purpose.name());
		String token = Tokens.generate();
		this.jdbc.update("insert into account_token (token_hash, account_id, purpose, expires_at) values (?, ?, ?, ?)",
				Tokens.hash(token), accountId, purpose.name(), Timestamp.from(now().plus(lifetime)));
		return token;
	}

	/**
	 * The account the token was issued to, if it is one of ours for this purpose and has
	 * not expired: it is used up either way.
	 */
	@Transactional
	Optional<Long> consume(String token, Purpose purpose) {
		if (!Tokens.looksValid(token)) {
			return Optional.empty();
		}
		String hash = Tokens.hash(token);
		List<Long> owners = this.jdbc.queryForList(
				"select account_id from account_token where token_hash = ? and purpose = ? and expires_at > ?",
				Long.class, hash, purpose.name(), Timestamp.from(now()));
		int deleted = this.jdbc.update("delete from account_token where token_hash = ? and purpose = ?", hash,
				purpose.name());
		return (deleted == 1 && owners.size() == 1) ? Optional.of(owners.get(0)) : Optional.empty();
	}

	/** Whether the token would be taken now, without using it up: for showing a form. */
	boolean isUsable(String token, Purpose purpose) {
		if (!Tokens.looksValid(token)) {
			return false;
		}
		Integer count = this.jdbc.queryForObject(
				"select count(*) from account_token where token_hash = ? and purpose = ? and expires_at > ?",
				Integer.class, Tokens.hash(token), purpose.name(), Timestamp.from(now()));
		return count != null && count > 0;
	}

	/** Deletes every expired token; idempotent, so every instance may run it. */
	int purgeExpired() {
		return this.jdbc.update("delete from account_token where expires_at <= ?", Timestamp.from(now()));
	}

	/**
	 * In whole milliseconds, which H2 and PostgreSQL store exactly: they round a time to
	 * microseconds, which could move an expiry past the instant it was meant for, and a
	 * token used at that instant would still count.
	 */
	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
