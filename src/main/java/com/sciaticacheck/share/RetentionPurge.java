package com.sciaticacheck.share;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.sciaticacheck.system.RateLimiter;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes links and submissions whose retention has ended, and the counters of rate
 * limits whose window has ended, every few minutes.
 */
@Component
class RetentionPurge {

	private static final Log logger = LogFactory.getLog(RetentionPurge.class);

	private final ShareService share;

	private final EmbeddedDatabaseFiles files;

	private final RateLimiter limits;

	RetentionPurge(ShareService share, EmbeddedDatabaseFiles files, RateLimiter limits) {
		this.share = share;
		this.files = files;
		this.limits = limits;
	}

	@Scheduled(initialDelayString = "${sciatica.share.purge-every:PT5M}",
			fixedDelayString = "${sciatica.share.purge-every:PT5M}")
	void purge() {
		int deleted = this.share.purgeExpired();
		// H2 may have created files since (a trace file after an error)
		this.files.tighten();
		if (deleted > 0) {
			// a count only: nothing about the links or their answers
			logger.info("Retention purge deleted " + deleted + " expired share link(s) with their submissions");
		}
		this.limits.purgeExpired();
	}

}
