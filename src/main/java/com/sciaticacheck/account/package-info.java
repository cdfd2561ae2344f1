/**
 * Clinic accounts: sign-up with a confirmed email address, sign-in with a passkey or a
 * password (a new device confirmed by an emailed code), recovery, server sessions in the
 * database, personal access tokens and the access log.
 *
 * <p>
 * It guards every clinic address ({@code /clinic/**}) with its own filter chain and gives
 * the signed-in {@link com.sciaticacheck.account.ClinicAccount} to the controllers of
 * {@code share}, which own the links and answers; it knows nothing of them.
 */
@ApplicationModule(displayName = "Clinic accounts", allowedDependencies = { "system", "mail" })
package com.sciaticacheck.account;

import org.springframework.modulith.ApplicationModule;
