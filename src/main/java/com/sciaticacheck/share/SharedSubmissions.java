package com.sciaticacheck.share;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules may know of the shared answers without reading them: whether one
 * still exists, and how many came for an account in a time. Alerts and summaries say no
 * more than that, so they carry no health data.
 */
@Component
public class SharedSubmissions {

	private final JdbcTemplate jdbc;

	SharedSubmissions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the submission is still stored (not deleted by its client or physio). */
	public boolean exists(long submissionId) {
		Integer count = this.jdbc.queryForObject("select count(*) from submission where id = ?", Integer.class,
				submissionId);
		return count != null && count > 0;
	}

	/**
	 * How many answers were shared with the account from {@code from} until before
	 * {@code to}.
	 */
	public int countSharedWith(long accountId, Instant from, Instant to) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from submission s join share_link l on l.id = s.share_link_id "
						+ "where l.account_id = ? and s.submitted_at >= ? and s.submitted_at < ?",
				Integer.class, accountId, Timestamp.from(from), Timestamp.from(to));
		return (count != null) ? count : 0;
	}

}
