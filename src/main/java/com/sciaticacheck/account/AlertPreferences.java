package com.sciaticacheck.account;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each account chose on its account page about the mail {@code alerts} sends: an
 * alert when a client's check says to get help now or today (on unless turned off), and a
 * daily summary of new answers (off unless turned on). Only a confirmed account gets
 * either: its address is known to be its holder's.
 */
@Component
public class AlertPreferences {

	/**
	 * An account's choices and the address its mail goes to.
	 *
	 * @param email the account's confirmed address
	 * @param urgentAlerts whether to mail an alert for each urgent result
	 * @param dailySummary whether to mail a summary of each day's new answers
	 */
	public record Choices(String email, boolean urgentAlerts, boolean dailySummary) {
	}

	private final JdbcTemplate jdbc;

	AlertPreferences(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The choices of a confirmed account; empty for one deleted or not confirmed. */
	public Optional<Choices> of(long accountId) {
		return this.jdbc
			.query("select email, urgent_alerts, daily_summary from account "
					+ "where id = ? and email_confirmed_at is not null",
					(rs, row) -> new Choices(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)), accountId)
			.stream()
			.findFirst();
	}

	/** The confirmed accounts that asked for a daily summary. */
	public List<Long> withDailySummary() {
		return this.jdbc.queryForList(
				"select id from account where daily_summary = true and email_confirmed_at is not null order by id",
				Long.class);
	}

	void change(long accountId, boolean urgentAlerts, boolean dailySummary) {
		this.jdbc.update("update account set urgent_alerts = ?, daily_summary = ? where id = ?", urgentAlerts,
				dailySummary, accountId);
	}

}
