package com.sciaticacheck.share;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of physio share links, each also settable by environment variable, such as
 * {@code SCIATICA_SHARE_RETENTION_GRACE=P7D}.
 *
 * @param retentionGrace how long after a link stops accepting answers its data is kept
 * @param linksPerHour how many links one client address may create in an hour
 * @param publicUrl the address clients reach the app at, for links shown to physios;
 * empty for this machine's address (see {@link LinkAddresses}), never an unknown Host
 * header
 * @param submissionsPerLinkPerHour how many shared results one client link takes in an
 * hour
 * @param submissionsPerAddressPerHour how many shared results one client address (an IPv6
 * /64) may send in an hour, through any links
 * @param burstSize how many answers on one link within {@code burstWindow} are flagged on
 * the dashboard as a burst, which the physio can remove in one step
 * @param burstWindow the time a burst's answers come within
 */
@ConfigurationProperties("sciatica.share")
record ShareSettings(@DefaultValue("0s") Duration retentionGrace, @DefaultValue("20") int linksPerHour,
		@DefaultValue("") String publicUrl, @DefaultValue("10") int submissionsPerLinkPerHour,
		@DefaultValue("5") int submissionsPerAddressPerHour, @DefaultValue("20") int burstSize,
		@DefaultValue("10m") Duration burstWindow) {

	ShareSettings {
		if (retentionGrace.isNegative()) {
			throw new IllegalArgumentException("sciatica.share.retention-grace must not be negative");
		}
		if (linksPerHour < 1) {
			throw new IllegalArgumentException("sciatica.share.links-per-hour must be at least 1");
		}
		if (burstSize < 2 || burstWindow.isNegative() || burstWindow.isZero()) {
			throw new IllegalArgumentException(
					"sciatica.share.burst-size must be at least 2 and sciatica.share.burst-window positive");
		}
		if (submissionsPerLinkPerHour < 1 || submissionsPerAddressPerHour < 1) {
			throw new IllegalArgumentException(
					"sciatica.share.submissions-per-link-per-hour and -per-address-per-hour must be at least 1");
		}
	}

}
