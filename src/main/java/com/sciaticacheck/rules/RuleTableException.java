package com.sciaticacheck.rules;

/** The rule table cannot be used; the message names the file, line and row at fault. */
public class RuleTableException extends RuntimeException {

	RuleTableException(String message) {
		super(message);
	}

}
