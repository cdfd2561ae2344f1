package com.sciaticacheck.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of clinic accounts, each also settable by environment variable, such as
 * {@code SCIATICA_ACCOUNT_SIGN_INS_PER_ADDRESS=60}.
 *
 * @param signInsPerAccount sign-in attempts (passwords and codes) one account takes in a
 * {@code signInWindow}, from any address
 * @param signInsPerAddress sign-in attempts one client address (an IPv6 /64) may make in
 * a {@code signInWindow}, for any accounts
 * @param signInWindow the window both sign-in limits count in
 * @param absoluteSessionTimeout how long a session lasts however active it is; the idle
 * timeout is {@code server.servlet.session.timeout}
 * @param confirmationLinkLifetime how long the link confirming an email address works
 * @param resetLinkLifetime how long a "forgot password" link works
 * @param deviceCodeLifetime how long the code confirming a new device works
 * @param trustedDeviceLifetime how long a confirmed device signs in without a code
 * @param accessLogRetention how long the access log keeps an event
 */
@ConfigurationProperties("sciatica.account")
record AccountSettings(@DefaultValue("10") int signInsPerAccount, @DefaultValue("30") int signInsPerAddress,
		@DefaultValue("15m") Duration signInWindow, @DefaultValue("12h") Duration absoluteSessionTimeout,
		@DefaultValue("24h") Duration confirmationLinkLifetime, @DefaultValue("30m") Duration resetLinkLifetime,
		@DefaultValue("15m") Duration deviceCodeLifetime, @DefaultValue("180d") Duration trustedDeviceLifetime,
		@DefaultValue("365d") Duration accessLogRetention) {

	AccountSettings {
		if (signInsPerAccount < 1 || signInsPerAddress < 1) {
			throw new IllegalArgumentException(
					"sciatica.account.sign-ins-per-account and -per-address must be at least 1");
		}
	}

}
