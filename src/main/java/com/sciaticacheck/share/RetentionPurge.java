package com.sciaticacheck.share;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes links and submissions whose retention has ended, every few minutes. */
@Component
class RetentionPurge {

	private static final Log logger = LogFactory.getLog(RetentionPurge.class);

	private final ShareService share;

	private final EmbeddedDatabaseFiles files;

	RetentionPurge(ShareService share, EmbeddedDatabaseFiles files) {
		this.share = share;
		this.files = files;
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
	}

}
