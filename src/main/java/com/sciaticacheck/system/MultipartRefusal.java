package com.sciaticacheck.system;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

/**
 * Refuses multipart bodies with 415 on every path that does not take a file, from the
 * Content-Type alone and before anything reads the body. Tomcat parses a multipart body
 * whole as soon as anything asks for a parameter (the CSRF check does), and its form size
 * limit does not cover it. Only the paths of a {@link FileUploads} take files, still
 * capped by spring.servlet.multipart.* in application.properties. Runs in Spring
 * Security's chain after its headers are in place and before the CSRF check.
 */
class MultipartRefusal extends OncePerRequestFilter {

	private final List<FileUploads> uploads;

	MultipartRefusal(List<FileUploads> uploads) {
		this.uploads = List.copyOf(uploads);
	}

	private static final MultipartException REFUSED = new MultipartException("Multipart is not accepted here");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")
				|| this.uploads.stream().anyMatch((upload) -> upload.accepts(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The error page is rendered by the DispatcherServlet, which would otherwise try
		// to read the multipart body there: a multipart failure already on record makes
		// it leave the body alone.
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, REFUSED);
		response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
	}

}
