package com.sciaticacheck.alerts;

/**
 * An alert mail the mail server did not take. Thrown out of the alert's transaction, so
 * what it claimed is undone and its event stays incomplete, to be tried again. Its
 * message names only the kind of failure: the server's own may quote the address.
 */
class AlertNotSentException extends RuntimeException {

	AlertNotSentException(RuntimeException cause) {
		super("The alert mail could not be sent (" + cause.getClass().getSimpleName() + ")", null, false, false);
	}

}
