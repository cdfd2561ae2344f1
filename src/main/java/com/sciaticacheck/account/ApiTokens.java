package com.sciaticacheck.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.sciaticacheck.system.Tokens;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: what other software sends to the links API instead of a
 * session. A token is 256 random bits behind a recognisable prefix, shown once when it is
 * made; the database holds only its hash, so a copy of it gives no working token. A token
 * is revoked by deleting it.
 */
@Component
class ApiTokens {

	/**
	 * Marks a text as one of our tokens, so secret scanners and people can tell what a
	 * leaked one is.
	 */
	static final String PREFIX = "sck_";

	/** The most tokens one account holds at a time. */
	static final int MAX_PER_ACCOUNT = 10;

	/** The longest name, as the column takes it. */
	static final int MAX_NAME_LENGTH = 60;

	/** A token as its account's page lists it: never the token itself. */
	record ApiToken(String publicId, String name, Instant createdAt, Instant lastUsedAt) {

		public LocalDateTime createdAtUtc() {
			return LocalDateTime.ofInstant(this.createdAt, ZoneOffset.UTC);
		}

		/** When it was last used, in UTC; null if never. */
		public LocalDateTime lastUsedAtUtc() {
			return (this.lastUsedAt != null) ? LocalDateTime.ofInstant(this.lastUsedAt, ZoneOffset.UTC) : null;
		}

	}

	/** A token just made: the only time {@code secret} is known. */
	record Created(ApiToken token, String secret) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ApiTokens(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A new token of the account, unless it already holds {@link #MAX_PER_ACCOUNT}.
	 */
	@Transactional
	Optional<Created> create(long accountId, String name) {
		// the account's row is locked, so two creations at once cannot both pass the
		// count
		this.jdbc.queryForList("select id from account where id = ? for update", Long.class, accountId);
		if (count(accountId) >= MAX_PER_ACCOUNT) {
			return Optional.empty();
		}
		String secret = PREFIX + Tokens.generate();
		ApiToken token = new ApiToken(Tokens.publicId(), name.strip(), this.clock.instant(), null);
		this.jdbc.update(
				"insert into api_token (public_id, account_id, name, token_hash, created_at) values (?, ?, ?, ?, ?)",
				token.publicId(), accountId, token.name(), Tokens.hash(secret), Timestamp.from(token.createdAt()));
		return Optional.of(new Created(token, secret));
	}

	/** The account's tokens, newest first. */
	List<ApiToken> list(long accountId) {
		return this.jdbc.query(
				"select public_id, name, created_at, last_used_at from api_token where account_id = ? "
						+ "order by created_at desc, id desc",
				(rs, row) -> new ApiToken(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
						(rs.getTimestamp(4) != null) ? rs.getTimestamp(4).toInstant() : null),
				accountId);
	}

	int count(long accountId) {
		Integer count = this.jdbc.queryForObject("select count(*) from api_token where account_id = ?", Integer.class,
				accountId);
		return (count != null) ? count : 0;
	}

	/**
	 * Deletes the account's token with this public id: it stops working at once. Another
	 * account's token is not found.
	 * @return the revoked token's name, or empty if the account has no such token
	 */
	@Transactional
	Optional<String> revoke(long accountId, String publicId) {
		if (!Tokens.looksLikePublicId(publicId)) {
			return Optional.empty();
		}
		List<String> names = this.jdbc.queryForList(
				"select name from api_token where public_id = ? and account_id = ? for update", String.class, publicId,
				accountId);
		int deleted = this.jdbc.update("delete from api_token where public_id = ? and account_id = ?", publicId,
				accountId);
		return (deleted == 1 && names.size() == 1) ? Optional.of(names.get(0)) : Optional.empty();
	}

	/**
	 * Deletes every token of the account: after a password reset, so that whoever held
	 * the account before cannot keep reading it through a token they made.
	 */
	int revokeAll(long accountId) {
		return this.jdbc.update("delete from api_token where account_id = ?", accountId);
	}

	/**
	 * The account whose token this is, noting that it was used now; empty for anything
	 * that is not a current token.
	 */
	Optional<ClinicAccount> authenticate(String token) {
		if (!looksLikeToken(token)) {
			return Optional.empty();
		}
		String hash = Tokens.hash(token);
		List<ClinicAccount> accounts = this.jdbc.query(
				"select a.id, a.email, a.display_name from api_token t join account a on a.id = t.account_id "
						+ "where t.token_hash = ?",
				(rs, row) -> new ClinicAccount(rs.getLong(1), rs.getString(2), rs.getString(3)), hash);
		if (accounts.size() != 1) {
			return Optional.empty();
		}
		this.jdbc.update("update api_token set last_used_at = ? where token_hash = ?",
				Timestamp.from(this.clock.instant()), hash);
		return Optional.of(accounts.get(0));
	}

	/** Whether the text has the shape of one of our tokens, before any look-up. */
	static boolean looksLikeToken(String token) {
		return token != null && token.startsWith(PREFIX) && Tokens.looksValid(token.substring(PREFIX.length()));
	}

}
