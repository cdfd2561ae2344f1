package com.sciaticacheck.api;

import java.util.List;

/** A request body whose fields are wrong, each named with what is wrong with it. */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldMessage> errors;

	InvalidRequestException(List<FieldMessage> errors) {
		super(null, null, false, false);
		this.errors = List.copyOf(errors);
	}

	public List<FieldMessage> errors() {
		return this.errors;
	}

	/** One offending field, named as in the request body. */
	public record FieldMessage(String field, String message) {
	}

}
