package com.sciaticacheck.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each account's alert window, one row of {@code alert_window}: when its last alert mail
 * went and how many urgent results came since. Whoever sends the next mail first claims
 * the row by a conditional update, which also locks it until the mail is sent and the
 * transaction ends: on another instance the same update then waits, finds the window
 * taken, and counts its result instead. If the mail fails, the rollback gives the window
 * and the count back.
 */
@Component
class AlertWindows {

	private final JdbcTemplate jdbc;

	AlertWindows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes the account's row if it has none yet; call outside a transaction. Another
	 * instance making it at the same moment fails this insert on the key, which is as
	 * good: the row is there.
	 */
	void ensure(long accountId) {
		Integer rows = this.jdbc.queryForObject("select count(*) from alert_window where account_id = ?", Integer.class,
				accountId);
		if (rows != null && rows > 0) {
			return;
		}
		try {
			this.jdbc.update("insert into alert_window (account_id, last_sent_at, pending) values (?, null, 0)",
					accountId);
		}
		catch (DuplicateKeyException ex) {
			// made a moment ago by another delivery
		}
	}

	/**
	 * Claims a mail for now if none went since {@code windowStart}: true if this
	 * transaction may send it.
	 */
	boolean claimNow(long accountId, Instant now, Instant windowStart) {
		return this.jdbc.update(
				"update alert_window set last_sent_at = ? where account_id = ? "
						+ "and (last_sent_at is null or last_sent_at <= ?)",
				Timestamp.from(now), accountId, Timestamp.from(windowStart)) == 1;
	}

	/**
	 * Claims the mail of results counted in a window that ended at {@code windowStart}:
	 * true if this transaction may send it.
	 */
	boolean claimCounted(long accountId, Instant now, Instant windowStart) {
		return this.jdbc.update(
				"update alert_window set last_sent_at = ? where account_id = ? and pending > 0 and last_sent_at <= ?",
				Timestamp.from(now), accountId, Timestamp.from(windowStart)) == 1;
	}

	/**
	 * The results counted in the claimed window, which the mail now being sent covers.
	 */
	int takeCounted(long accountId) {
		Integer pending = this.jdbc.queryForObject("select pending from alert_window where account_id = ?",
				Integer.class, accountId);
		this.jdbc.update("update alert_window set pending = 0 where account_id = ?", accountId);
		return (pending != null) ? pending : 0;
	}

	/** Counts a result into the next mail, as one went within the window. */
	void count(long accountId) {
		this.jdbc.update("update alert_window set pending = pending + 1 where account_id = ?", accountId);
	}

	/** Accounts with results counted in a window that ended at {@code windowStart}. */
	List<Long> withCountedResults(Instant windowStart) {
		return this.jdbc.queryForList(
				"select account_id from alert_window where pending > 0 and last_sent_at <= ? order by account_id",
				Long.class, Timestamp.from(windowStart));
	}

}
