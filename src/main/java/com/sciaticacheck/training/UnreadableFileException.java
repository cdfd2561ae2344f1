package com.sciaticacheck.training;

import java.util.List;

/**
 * A file that cannot be read, with the reason the runner is shown: a message key under
 * {@code training.unreadable.} and its arguments. The other files of an import still
 * count.
 */
public class UnreadableFileException extends Exception {

	private final String reasonKey;

	private final transient List<Object> arguments;

	public UnreadableFileException(String reason, Object... arguments) {
		this(reason, null, arguments);
	}

	public UnreadableFileException(String reason, Throwable cause, Object... arguments) {
		// the message is the key only: a parser's own message may quote the file's
		// content
		super("training.unreadable." + reason, cause, false, false);
		this.reasonKey = "training.unreadable." + reason;
		this.arguments = List.of(arguments);
	}

	/** The message key of the reason, such as {@code training.unreadable.truncated}. */
	public String reasonKey() {
		return this.reasonKey;
	}

	public Object[] arguments() {
		return this.arguments.toArray();
	}

}
