package com.sciaticacheck.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What happened in an account, for its holder to read: sign-ins, new devices, views of a
 * submission, exports and deletions, with the time and a coarse description of the
 * browser ("Firefox on Android"). No address is kept, and no health data: a submission is
 * named by its public id only. Events are deleted after
 * {@code sciatica.account.access-log-retention} (12 months).
 */
@Component
public class AccessLog {

	/** What an event records. */
	public enum Kind {

		SIGNED_IN_WITH_PASSKEY, SIGNED_IN_WITH_PASSWORD, NEW_DEVICE_CONFIRMED, PASSWORD_RESET, PASSKEY_ADDED,
		PASSKEY_REMOVED, DEVICE_FORGOTTEN, SIGNED_OUT_EVERYWHERE, LINK_CREATED, LINK_CLAIMED, LINK_REVOKED,
		LINK_DELETED, SUBMISSION_VIEWED, SUBMISSION_DELETED, BURST_DELETED, EXPORTED, TOKEN_CREATED, TOKEN_REVOKED,
		CLIENT_ADDED, CLIENT_VIEWED, CLIENT_DELETED, SUBMISSION_MOVED, EMAILS_CHANGED

	}

	/** One event, as the access log page lists it. */
	public record Event(Instant happenedAt, Kind kind, String detail, String client) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration retention;

	AccessLog(JdbcTemplate jdbc, Clock clock, AccountSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = settings.accessLogRetention();
	}

	/**
	 * Records an event of the account.
	 * @param detail what it concerned, such as a link's name or a submission's public id;
	 * never health data
	 */
	public void record(long accountId, Kind kind, String detail, HttpServletRequest request) {
		this.jdbc.update(
				"insert into access_event (account_id, happened_at, kind, detail, client) values (?, ?, ?, ?, ?)",
				accountId, Timestamp.from(this.clock.instant()), kind.name(), truncate(detail, 120),
				describe(request.getHeader(HttpHeaders.USER_AGENT)));
	}

	/** The newest events of the account first, a page at a time. */
	List<Event> newestFirst(long accountId, int limit, int offset) {
		return this.jdbc.query(
				"select happened_at, kind, detail, client from access_event where account_id = ? "
						+ "order by happened_at desc, id desc limit ? offset ?",
				(rs, row) -> new Event(rs.getTimestamp(1).toInstant(), Kind.valueOf(rs.getString(2)), rs.getString(3),
						rs.getString(4)),
				accountId, limit, offset);
	}

	int count(long accountId) {
		Integer count = this.jdbc.queryForObject("select count(*) from access_event where account_id = ?",
				Integer.class, accountId);
		return (count != null) ? count : 0;
	}

	/** Deletes events older than the retention; idempotent, for every instance. */
	int purgeExpired() {
		return this.jdbc.update("delete from access_event where happened_at < ?",
				Timestamp.from(this.clock.instant().minus(this.retention)));
	}

	/**
	 * A browser and system family, from the User-Agent header: enough for a physio to
	 * recognise their own devices, too coarse to single anyone out.
	 */
	static String describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "Unknown browser";
		}
		String ua = userAgent.toLowerCase(Locale.ROOT);
		String browser = ua.contains("edg/") ? "Edge"
				: ua.contains("firefox/") ? "Firefox"
						: (ua.contains("chrome/") || ua.contains("chromium/") || ua.contains("crios/")) ? "Chrome"
								: ua.contains("safari/") ? "Safari" : "Another browser";
		String system = ua.contains("android") ? "Android"
				: (ua.contains("iphone") || ua.contains("ipad")) ? "iOS"
						: ua.contains("windows") ? "Windows" : (ua.contains("mac os") || ua.contains("macintosh"))
								? "macOS" : ua.contains("linux") ? "Linux" : "another system";
		return browser + " on " + system;
	}

	private static String truncate(String text, int max) {
		if (text == null) {
			return null;
		}
		return (text.length() <= max) ? text : text.substring(0, max);
	}

}
