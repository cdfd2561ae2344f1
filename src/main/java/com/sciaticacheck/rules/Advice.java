package com.sciaticacheck.rules;

/**
 * One piece of prevention advice, as a message key.
 *
 * @param answersFinding whether it answers a finding, rather than being general advice
 */
public record Advice(String key, String source, boolean answersFinding) {

	/**
	 * The stable id used by the API: the message key without its {@code advice.} prefix.
	 */
	public String id() {
		return this.key.startsWith("advice.") ? this.key.substring("advice.".length()) : this.key;
	}

}
