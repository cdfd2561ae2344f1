package com.sciaticacheck.rules;

import java.util.List;

/**
 * One piece of advice, as a message key and the runner's own numbers it takes.
 *
 * @param answersFinding whether it answers a finding, rather than being general advice or
 * self-care
 * @param arguments the message's arguments, such as a distance in km; empty for most
 */
public record Advice(String key, String source, boolean answersFinding, List<Object> arguments) {

	/** NHS self-care advice, given when there is back or leg pain now. */
	public static final String SELF_CARE = "advice.self-care";

	/**
	 * Self-care for a runner told to get help today or this week: help first, and nothing
	 * that reads as "wait and see".
	 */
	public static final String SELF_CARE_AFTER_HELP = "advice.self-care.getHelpFirst";

	public Advice {
		arguments = List.copyOf(arguments);
	}

	public Advice(String key, String source, boolean answersFinding) {
		this(key, source, answersFinding, List.of());
	}

	/** Whether this is self-care for the pain now, rather than prevention advice. */
	public boolean selfCare() {
		return this.key.equals(SELF_CARE) || this.key.equals(SELF_CARE_AFTER_HELP);
	}

	/**
	 * The stable id used by the API: the message key without its {@code advice.} prefix.
	 */
	public String id() {
		return this.key.startsWith("advice.") ? this.key.substring("advice.".length()) : this.key;
	}

}
