package com.sciaticacheck.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.sciaticacheck.account.AlertPreferences;
import com.sciaticacheck.share.SharedSubmissions;
import com.sciaticacheck.share.UrgentResultShared;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails the account when a client shares an urgent result: after the submission is
 * committed, on another thread, in a transaction of its own.
 *
 * <p>
 * The registry delivers an event at least once (again after a failure, a restart, or on
 * two instances at once); the row in {@code urgent_alert}, keyed by the submission, makes
 * it count once. It is inserted first and committed with the mail: a second delivery
 * finds it and stops, or (at the same moment on another instance) waits for it and fails
 * on the key, to find it on its retry. If the mail fails, the exception rolls the row
 * back and leaves the event incomplete, so the alert is retried until the mail server
 * takes it. A mail sent just before its transaction failed to commit would be sent again:
 * the one way it is sent twice, and far better than not at all.
 */
@Component
class UrgentAlerts {

	/** Stored with each event publication: fixed, so a renamed method still gets them. */
	static final String LISTENER_ID = "alerts.urgent-result-shared";

	private final SharedSubmissions submissions;

	private final AlertPreferences preferences;

	private final AlertWindows windows;

	private final AlertMail mail;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final AlertSettings settings;

	private final TransactionTemplate transactions;

	UrgentAlerts(SharedSubmissions submissions, AlertPreferences preferences, AlertWindows windows, AlertMail mail,
			JdbcTemplate jdbc, Clock clock, AlertSettings settings, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.submissions = submissions;
		this.preferences = preferences;
		this.windows = windows;
		this.mail = mail;
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Handles one urgent result. The account's window row is made first, on its own
	 * (another instance may make it at the same moment), so that the transaction that
	 * claims and mails never fails on it; that transaction is this method's own.
	 */
	@ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
	public void on(UrgentResultShared shared) {
		// deleted by its client or physio before its alert: nothing left to see
		if (!this.submissions.exists(shared.submissionId())) {
			return;
		}
		this.windows.ensure(shared.accountId());
		this.transactions.executeWithoutResult((status) -> handle(shared));
	}

	private void handle(UrgentResultShared shared) {
		if (!claim(shared.submissionId())) {
			return;
		}
		Optional<AlertPreferences.Choices> choices = this.preferences.of(shared.accountId());
		if (choices.isEmpty() || !choices.get().urgentAlerts()) {
			return;
		}
		long account = shared.accountId();
		Instant now = this.clock.instant();
		if (this.windows.claimNow(account, now, now.minus(this.settings.window()))) {
			// with any counted before whose window ended before the sweep mailed them
			this.mail.urgent(choices.get().email(), this.windows.takeCounted(account) + 1);
		}
		else {
			this.windows.count(account);
		}
	}

	/** Records the submission's alert as handled: false if it was already. */
	private boolean claim(long submissionId) {
		Integer handled = this.jdbc.queryForObject("select count(*) from urgent_alert where submission_id = ?",
				Integer.class, submissionId);
		if (handled != null && handled > 0) {
			return false;
		}
		this.jdbc.update("insert into urgent_alert (submission_id, handled_at) values (?, ?)", submissionId,
				Timestamp.from(this.clock.instant()));
		return true;
	}

}
