package com.sciaticacheck.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The paths whose forms take files, declared by the module that owns them: every other
 * path refuses a multipart body unread ({@link MultipartRefusal}). A bean of this type
 * opens its paths in the runner's filter chain; the clinic's chains take no files.
 */
public interface FileUploads {

	/**
	 * A request attribute a filter refusing an upload may set to the stem of the message
	 * keys shown instead of the status's own ({@code <stem>.title} and {@code .text} on a
	 * page, {@code problem.<stem>.title} and {@code .detail} in a problem).
	 */
	String ERROR_MESSAGE_STEM = FileUploads.class.getName() + ".errorMessageStem";

	/** Whether this request goes to a path that takes files. */
	boolean accepts(HttpServletRequest request);

}
