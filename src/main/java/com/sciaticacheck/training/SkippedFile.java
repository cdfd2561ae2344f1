package com.sciaticacheck.training;

import java.util.List;

/**
 * A file or an activity in one that did not count, with the reason shown: a message key
 * and its arguments.
 *
 * @param file the file's name, within a zip as {@code zip/entry}
 * @param reasonKey the message key of the reason
 * @param arguments the reason's arguments
 */
public record SkippedFile(String file, String reasonKey, List<Object> arguments) {

	public SkippedFile {
		arguments = List.copyOf(arguments);
	}

	static SkippedFile unreadable(String file, UnreadableFileException ex) {
		return new SkippedFile(file, ex.reasonKey(), List.of(ex.arguments()));
	}

	static SkippedFile notRunning(Activity activity) {
		return (activity.sport() != null)
				? new SkippedFile(activity.file(), "training.skipped.notRunning", List.of(activity.sport()))
				: new SkippedFile(activity.file(), "training.skipped.notRunningUnnamed", List.of());
	}

}
