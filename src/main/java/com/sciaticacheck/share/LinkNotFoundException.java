package com.sciaticacheck.share;

/** No link, result or dashboard has this secret; the page gives no hint why. */
class LinkNotFoundException extends RuntimeException {

	LinkNotFoundException() {
		super(null, null, false, false);
	}

}
