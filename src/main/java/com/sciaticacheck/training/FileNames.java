package com.sciaticacheck.training;

import java.util.Locale;

/** Names of files as the runner sees them, and what they say about their format. */
final class FileNames {

	/** Longer names are cut: a name is only shown back, never used to open anything. */
	static final int MAX_LENGTH = 120;

	private FileNames() {
	}

	/**
	 * The name without any folder a browser may send (old ones send the whole path), cut
	 * to a length a page can show, with control characters replaced.
	 */
	static String displayName(String name) {
		if (name == null || name.isBlank()) {
			return "(no name)";
		}
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder shown = new StringBuilder();
		last.codePoints().limit(MAX_LENGTH).forEach((c) -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return shown.isEmpty() ? "(no name)" : shown.toString();
	}

	/** The name of an entry inside a zip, shown as {@code zip/entry}. */
	static String inZip(String zip, String entry) {
		return zip + "/" + displayName(entry);
	}

	/**
	 * The extension in lower case, after an outer {@code .gz}: {@code fit} for
	 * {@code a.FIT.gz}.
	 */
	static String format(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".gz")) {
			lower = lower.substring(0, lower.length() - 3);
		}
		int dot = lower.lastIndexOf('.');
		return (dot < 0) ? "" : lower.substring(dot + 1);
	}

}
