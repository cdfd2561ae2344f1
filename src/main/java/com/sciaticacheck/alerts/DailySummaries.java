package com.sciaticacheck.alerts;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.sciaticacheck.account.AlertPreferences;
import com.sciaticacheck.share.SharedSubmissions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The daily summary: after each day ends (UTC), how many answers were shared with each
 * account that asked for it that day, if any. An account's summary of a day is claimed by
 * inserting its row in {@code daily_summary}, in the transaction that sends it, so it
 * goes once whatever the number of instances; a failed mail rolls the row back and the
 * next sweep tries again.
 */
@Component
class DailySummaries {

	/** How long the claims are kept: only yesterday's is ever looked at. */
	private static final int DAYS_KEPT = 7;

	private final AlertPreferences preferences;

	private final SharedSubmissions submissions;

	private final AlertMail mail;

	private final JdbcTemplate jdbc;

	DailySummaries(AlertPreferences preferences, SharedSubmissions submissions, AlertMail mail, JdbcTemplate jdbc) {
		this.preferences = preferences;
		this.submissions = submissions;
		this.mail = mail;
		this.jdbc = jdbc;
	}

	/** The accounts whose summary of the day is still to be handled. */
	List<Long> due(LocalDate day) {
		Set<Long> handled = new HashSet<>(this.jdbc
			.queryForList("select account_id from daily_summary where summary_day = ?", Long.class, Date.valueOf(day)));
		return this.preferences.withDailySummary().stream().filter((account) -> !handled.contains(account)).toList();
	}

	/**
	 * Claims and sends one account's summary of the day; call in a transaction. Does
	 * nothing if another instance handled it first.
	 */
	void send(long accountId, LocalDate day, Instant now) {
		Integer handled = this.jdbc.queryForObject(
				"select count(*) from daily_summary where account_id = ? and summary_day = ?", Integer.class, accountId,
				Date.valueOf(day));
		if (handled != null && handled > 0) {
			return;
		}
		// another instance inserting the same row now makes this one fail on the key
		this.jdbc.update("insert into daily_summary (account_id, summary_day, handled_at) values (?, ?, ?)", accountId,
				Date.valueOf(day), Timestamp.from(now));
		Optional<AlertPreferences.Choices> choices = this.preferences.of(accountId);
		Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		int answers = this.submissions.countSharedWith(accountId, start, start.plus(Duration.ofDays(1)));
		// a day without answers sends nothing: a daily "nothing new" would teach people
		// to skip the mail
		if (choices.isPresent() && choices.get().dailySummary() && answers > 0) {
			this.mail.summary(choices.get().email(), day, answers);
		}
	}

	/** Deletes claims of days no sweep looks at again; the same on every instance. */
	void forgetBefore(LocalDate today) {
		this.jdbc.update("delete from daily_summary where summary_day < ?", Date.valueOf(today.minusDays(DAYS_KEPT)));
	}

}
