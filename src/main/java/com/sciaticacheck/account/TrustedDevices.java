package com.sciaticacheck.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

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
