/**
 * Alerts to physios by email: when a client shares a result that says to get help now or
 * today ({@code share} publishes {@link com.sciaticacheck.share.UrgentResultShared}), the
 * account is told at once to sign in, with no health data, at most once per account in 15
 * minutes (later ones are counted into the next mail); and, if the account asked for it
 * ({@code account}), a daily summary of new answers.
 *
 * <p>
 * An alert is never lost and never sent twice: the event is stored with the submission by
 * Spring Modulith's event publication registry and retried until handled, and each
 * handled alert is recorded under its submission's id in the transaction that sends it.
 * The client is never told to wait for it: their own page says to get help first.
 */
@ApplicationModule(displayName = "Alerts", allowedDependencies = { "share", "account", "mail", "system" })
package com.sciaticacheck.alerts;

import org.springframework.modulith.ApplicationModule;
