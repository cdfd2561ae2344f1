package com.sciaticacheck.training;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.sciaticacheck.system.FileUploads;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

/**
 * Lets an upload of training files in only when it fits: its declared size within the
 * upload limit, and its size within what the uploads being received and read at once may
 * hold together ({@code concurrentImports} times the upload limit, counted in KiB, so
 * small files are not held up behind a large one). It runs before Spring Security, whose
 * CSRF check would have Tomcat read the whole body into memory: an upload that is too
 * large, or one too many, is answered without a byte of it read. Once admitted, the body
 * is parsed here, so a body that is not the multipart it says it is gets its own answer
 * rather than an error deeper in.
 */
class ImportGate extends OncePerRequestFilter {

	/** How long an upload waits for room before it is turned away. */
	static final long WAIT_SECONDS = 20;

	private static final int KIB = 1024;

	private final TrainingUploads uploads;

	private final long maxUploadBytes;

	private final int maxUploadKib;

	private final Semaphore kibibytes;

	ImportGate(TrainingUploads uploads, DataSize maxUpload, int concurrentImports) {
		this.uploads = uploads;
		this.maxUploadBytes = maxUpload.toBytes();
		this.maxUploadKib = (int) Math.ceil(this.maxUploadBytes / (double) KIB);
		this.kibibytes = new Semaphore(this.maxUploadKib * concurrentImports, true);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.uploads.accepts(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxUploadBytes) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "training.upload.tooLarge");
			return;
		}
		// a body without a declared length may be as large as the limit
		int permits = (length < 0) ? this.maxUploadKib : Math.max(1, (int) Math.ceil(length / (double) KIB));
		if (!admit(permits)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "training.upload.busy");
			return;
		}
		try {
			if (multipart(request)) {
				String problem = parse(request);
				if (problem != null) {
					refuse(request, response,
							problem.endsWith("unreadable") ? HttpStatus.BAD_REQUEST : HttpStatus.CONTENT_TOO_LARGE,
							problem);
					return;
				}
			}
			chain.doFilter(request, response);
		}
		finally {
			this.kibibytes.release(permits);
		}
	}

	private boolean admit(int permits) {
		try {
			return this.kibibytes.tryAcquire(permits, WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean multipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/**
	 * Has Tomcat read the parts (kept for everything after), and names what was wrong
	 * with them, or null: past one of its limits (too many parts, a part's headers too
	 * long), or not multipart at all (cut short, no boundary).
	 */
	private static String parse(HttpServletRequest request) {
		try {
			request.getParts();
			return null;
		}
		catch (IllegalStateException ex) {
			return String.valueOf(ex.getCause()).contains("FileCountLimit") ? "training.upload.tooManyParts"
					: "training.upload.tooLarge";
		}
		catch (IOException | ServletException | RuntimeException ex) {
			return "training.upload.unreadable";
		}
	}

	/**
	 * Answers with the error page or problem, leaving the body unread: a multipart
	 * failure on record keeps the error page from parsing it.
	 */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String messageStem) throws IOException {
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MultipartException(messageStem));
		request.setAttribute(FileUploads.ERROR_MESSAGE_STEM, messageStem);
		response.sendError(status.value());
	}

}
