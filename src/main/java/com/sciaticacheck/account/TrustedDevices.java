package com.sciaticacheck.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.sciaticacheck.system.Tokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Browsers an account has confirmed by an emailed code (or by its confirmation link): a
 * cookie holds a random token, the database its hash, so a password sign-in from such a
 * browser needs no code. The cookie is {@code __Host-} prefixed and Secure over HTTPS,
 * HttpOnly and SameSite=Lax always.
 */
@Component
class TrustedDevices {

	static final String SECURE_COOKIE = "__Host-device";

	static final String PLAIN_COOKIE = "device";

	/** How a device is named on the account page: the hash of its cookie's token. */
	private static final Pattern DEVICE_ID = Pattern.compile("[0-9a-f]{64}");

	/**
	 * A trusted browser, as the account page lists it. It is named by the hash the
	 * database keeps: the token itself, which the cookie holds, never leaves the browser
	 * again, and the hash lets nobody be trusted.
	 */
	record Device(String id, String description, Instant firstConfirmed, Instant lastUsed, boolean thisBrowser) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration lifetime;

	TrustedDevices(JdbcTemplate jdbc, Clock clock, AccountSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lifetime = settings.trustedDeviceLifetime();
	}

	/**
	 * Whether the request comes from a browser the account confirmed, and not long ago.
	 */
	boolean isTrusted(long accountId, HttpServletRequest request) {
		String token = cookie(request);
		if (!Tokens.looksValid(token)) {
			return false;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.update(
				"update trusted_device set last_used_at = ? where token_hash = ? and account_id = ? and created_at > ?",
				now, Tokens.hash(token), accountId, Timestamp.from(this.clock.instant().minus(this.lifetime))) == 1;
	}

	/** Trusts this browser from now on, by a new cookie. */
	void trust(long accountId, HttpServletRequest request, HttpServletResponse response) {
		String token = Tokens.generate();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update(
				"insert into trusted_device (token_hash, account_id, description, created_at, last_used_at) "
						+ "values (?, ?, ?, ?, ?)",
				Tokens.hash(token), accountId, AccessLog.describe(request.getHeader(HttpHeaders.USER_AGENT)), now, now);
		boolean secure = request.isSecure();
		ResponseCookie cookie = ResponseCookie.from(secure ? SECURE_COOKIE : PLAIN_COOKIE, token)
			.path("/")
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.maxAge(this.lifetime)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	/** The account's browsers that are still trusted, most recently used first. */
	List<Device> of(long accountId, HttpServletRequest request) {
		String token = cookie(request);
		String current = Tokens.looksValid(token) ? Tokens.hash(token) : null;
		return this.jdbc.query(
				"select token_hash, description, created_at, last_used_at from trusted_device "
						+ "where account_id = ? and created_at > ? order by last_used_at desc, created_at desc",
				(rs, row) -> new Device(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
						rs.getTimestamp(4).toInstant(), rs.getString(1).equals(current)),
				accountId, Timestamp.from(this.clock.instant().minus(this.lifetime)));
	}

	/**
	 * Forgets one of the account's browsers: its next password sign-in needs a code
	 * again. Another account's device, or none, is left alone.
	 * @return the description of the browser forgotten, or empty
	 */
	Optional<String> forget(long accountId, String deviceId) {
		if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
			return Optional.empty();
		}
		List<String> descriptions = this.jdbc.queryForList(
				"select description from trusted_device where token_hash = ? and account_id = ?", String.class,
				deviceId, accountId);
		int deleted = this.jdbc.update("delete from trusted_device where token_hash = ? and account_id = ?", deviceId,
				accountId);
		return (deleted == 1 && descriptions.size() == 1) ? Optional.of(descriptions.get(0)) : Optional.empty();
	}

	/** Forgets every browser of the account: after a password reset. */
	void forgetAll(long accountId) {
		this.jdbc.update("delete from trusted_device where account_id = ?", accountId);
	}

	int purgeExpired() {
		return this.jdbc.update("delete from trusted_device where created_at <= ?",
				Timestamp.from(this.clock.instant().minus(this.lifetime)));
	}

	private static String cookie(HttpServletRequest request) {
		String name = request.isSecure() ? SECURE_COOKIE : PLAIN_COOKIE;
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
