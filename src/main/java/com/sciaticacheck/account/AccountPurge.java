package com.sciaticacheck.account;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired emailed tokens, trusted devices past their lifetime and access-log
 * events past their retention, every few minutes. Each is one idempotent statement, so
 * every instance may run it at the same time. Spring Session deletes expired sessions
 * itself, every minute.
 */
@Component
class AccountPurge {

	private final EmailedTokens tokens;

	private final TrustedDevices devices;

	private final AccessLog log;

	AccountPurge(EmailedTokens tokens, TrustedDevices devices, AccessLog log) {
		this.tokens = tokens;
		this.devices = devices;
		this.log = log;
	}

	@Scheduled(initialDelayString = "${sciatica.share.purge-every:PT5M}",
			fixedDelayString = "${sciatica.share.purge-every:PT5M}")
	void purge() {
		this.tokens.purgeExpired();
		this.devices.purgeExpired();
		this.log.purgeExpired();
	}

}
