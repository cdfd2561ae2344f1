package com.sciaticacheck.training;

import jakarta.servlet.http.HttpServletRequest;

import com.sciaticacheck.system.FileUploads;

import org.springframework.stereotype.Component;

/**
 * The paths that take training files: the API's, and the import step of any check's
 * questionnaire (the runner's own at {@code /assessment/import}, a clinic link's at
 * {@code /c/{secret}/import}), which posts the answers typed so far with the files.
 */
@Component
public class TrainingUploads implements FileUploads {

	/** The API's path. */
	public static final String API_PATH = "/api/v2/training-summary";

	/** The last segment of a check's import path, after the check's own base path. */
	public static final String PAGE_SUFFIX = "/import";

	/** The name of the parts that carry files, in the API and on the page. */
	public static final String FILES = "files";

	/** The name of the part or field that carries the runner's time zone. */
	public static final String TIME_ZONE = "timeZone";

	@Override
	public boolean accepts(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI();
		return path.equals(API_PATH) || path.equals("/assessment" + PAGE_SUFFIX)
				|| (path.startsWith("/c/") && path.endsWith(PAGE_SUFFIX) && path.indexOf('/', 3) == path.length() - 7);
	}

}
