package com.sciaticacheck.training;

/**
 * A limit of a whole import was reached: the import stops, as its figures could no longer
 * be trusted, and the runner is told which limit and what to do instead.
 */
public final class ImportLimitException extends RuntimeException {

	/** The limits, each with the message key that explains it. */
	public enum Limit {

		/** More than the decompressed limit: a zip or gzip bomb, or far too much. */
		TOO_LARGE_UNPACKED("training.limit.unpacked"),
		/** More activities than an import may hold. */
		TOO_MANY_ACTIVITIES("training.limit.activities"),
		/** Reading took longer than an import may. */
		TOO_SLOW("training.limit.time");

		private final String messageKey;

		Limit(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return this.messageKey;
		}

	}

	private final Limit limit;

	private final transient Object[] arguments;

	ImportLimitException(Limit limit, Object... arguments) {
		super(limit.messageKey(), null, false, false);
		this.limit = limit;
		this.arguments = arguments;
	}

	public Limit limit() {
		return this.limit;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
