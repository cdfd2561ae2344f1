package com.sciaticacheck.training;

import java.io.IOException;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Lets an upload of training files in only when it fits: its declared size within the
 * upload limit, and a place free among the imports read at once. It runs before Spring
 * Security, whose CSRF check would have Tomcat read the whole body into memory: so an
 * upload that is too large, or one too many, is answered without a byte of it read, and
 * the memory imports take stays at most {@code concurrentImports} times the upload limit.
 */
class ImportGate extends OncePerRequestFilter {

	/** How long an upload waits for a place before it is turned away. */
	static final long WAIT_SECONDS = 20;

	private final TrainingUploads uploads;

	private final long maxUploadBytes;

	private final Semaphore places;

	ImportGate(TrainingUploads uploads, DataSize maxUpload, int concurrentImports) {
		this.uploads = uploads;
		this.maxUploadBytes = maxUpload.toBytes();
		this.places = new Semaphore(concurrentImports, true);
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
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "training.upload.tooLarge",
					new MaxUploadSizeExceededException(this.maxUploadBytes));
			return;
		}
		boolean admitted;
		try {
			admitted = this.places.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "training.upload.busy",
					new MultipartException("Too many imports at once"));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.places.release();
		}
	}

	/**
	 * Answers with the error page or problem, leaving the body unread: a multipart
	 * failure on record keeps the error page from parsing it.
	 */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String messageStem, MultipartException reason) throws IOException {
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, reason);
		request.setAttribute(FileUploads.ERROR_MESSAGE_STEM, messageStem);
		response.sendError(status.value());
	}

}
