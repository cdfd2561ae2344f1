package com.sciaticacheck.share;

/** The client link exists but no longer accepts answers (revoked or expired). */
class LinkClosedException extends RuntimeException {

	private final ShareLink link;

	LinkClosedException(ShareLink link) {
		super(null, null, false, false);
		this.link = link;
	}

	ShareLink link() {
		return this.link;
	}

}
