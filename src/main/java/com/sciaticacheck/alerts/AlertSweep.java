package com.sciaticacheck.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.sciaticacheck.account.AlertPreferences;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute, on every instance: tries again the alerts not handled yet (a mail server
 * that was down), mails the results counted while an account's window was closed once it
 * ends, and sends the daily summaries due. Each account is its own transaction, claimed
 * in the database, so instances running this at the same time send each mail once, and
 * one account's failed mail leaves the others be. The log says only how many failed.
 */
@Component
@EnableConfigurationProperties(AlertSettings.class)
class AlertSweep {

	private static final Log logger = LogFactory.getLog(AlertSweep.class);

	private final IncompleteEventPublications incomplete;

	private final AlertWindows windows;

	private final DailySummaries summaries;

	private final AlertPreferences preferences;

	private final AlertMail mail;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AlertSettings settings;

	AlertSweep(IncompleteEventPublications incomplete, AlertWindows windows, DailySummaries summaries,
			AlertPreferences preferences, AlertMail mail, TransactionTemplate transactions, Clock clock,
			AlertSettings settings) {
		this.incomplete = incomplete;
		this.windows = windows;
		this.summaries = summaries;
		this.preferences = preferences;
		this.mail = mail;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
	}

	@Scheduled(initialDelayString = "${sciatica.alerts.sweep-every:PT1M}",
			fixedDelayString = "${sciatica.alerts.sweep-every:PT1M}")
	void sweep() {
		retryUnhandled();
		mailCounted();
		sendDailySummaries();
	}

	/**
	 * Hands the alerts not handled after {@code retry-after} to the listener again. The
	 * registry marks each one resubmitted by a conditional update first, so two instances
	 * do not both take it; the listener's own key would stop a second mail anyway.
	 */
	void retryUnhandled() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.settings.retryAfter());
	}

	/** Mails each account whose window ended with results counted in it. */
	void mailCounted() {
		Instant now = this.clock.instant();
		Instant windowStart = now.minus(this.settings.window());
		int failed = 0;
		for (long account : this.windows.withCountedResults(windowStart)) {
			try {
				this.transactions.executeWithoutResult((status) -> {
					if (!this.windows.claimCounted(account, now, windowStart)) {
						return; // another instance sent it
					}
					int counted = this.windows.takeCounted(account);
					this.preferences.of(account)
						.filter(AlertPreferences.Choices::urgentAlerts)
						.ifPresent((choices) -> this.mail.urgent(choices.email(), counted));
				});
			}
			catch (RuntimeException ex) {
				failed++;
			}
		}
		if (failed > 0) {
			logger.warn(failed + " alert mail(s) of counted results could not be sent; they are tried again");
		}
	}

	/** Sends yesterday's summary (UTC) to each account that asked for one. */
	void sendDailySummaries() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		LocalDate yesterday = today.minusDays(1);
		int failed = 0;
		for (long account : this.summaries.due(yesterday)) {
			try {
				this.transactions.executeWithoutResult((status) -> this.summaries.send(account, yesterday, now));
			}
			catch (RuntimeException ex) {
				// the mail server, or another instance that claimed it a moment before
				failed++;
			}
		}
		if (failed > 0) {
			logger.warn(failed + " daily summary mail(s) were not sent by this instance: another sent them, "
					+ "or the mail server failed and they are tried again");
		}
		this.summaries.forgetBefore(today);
	}

}
