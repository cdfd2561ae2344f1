package com.sciaticacheck.alerts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often alerts may be mailed and how they are retried.
 *
 * @param window the least time between two alert mails to one account; urgent results in
 * between are counted into the next mail, so a burst cannot flood an inbox
 * @param retryAfter how old an alert not yet handled must be before it is tried again (a
 * mail server that was down), so one being handled now is left to finish
 * @param sweepEvery how often alerts are retried, counted ones mailed once their window
 * ends, and daily summaries sent
 */
@ConfigurationProperties("sciatica.alerts")
record AlertSettings(@DefaultValue("15m") Duration window, @DefaultValue("1m") Duration retryAfter,
		@DefaultValue("1m") Duration sweepEvery) {

}
