package com.sciaticacheck.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sciaticacheck.api.InvalidRequestException.FieldMessage;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad requests to the JSON API into RFC 9457 problem details that name every
 * offending field, as {@code errors: [{field, message}]}. Scoped to the API so pages keep
 * their HTML error pages; errors raised before a controller is chosen (wrong content
 * type, body too large) are answered by the error controller in the same shape.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<Object> invalidRequest(InvalidRequestException ex, WebRequest request) {
		return respond(invalidAnswers(ex.errors(), this.messages, request.getLocale()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, BodySizeLimit.TooLargeException.class)) {
			return respond(tooLarge(this.messages, request.getLocale()));
		}
		return respond(malformed(this.messages, request.getLocale()));
	}

	/** Answers that cannot be used, each named with what is wrong with it. */
	static ProblemDetail invalidAnswers(List<FieldMessage> errors, MessageSource messages, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalidAnswers.title", "problem.invalidAnswers.detail", errors,
				messages, locale);
	}

	/** A body that is not JSON at all. */
	static ProblemDetail malformed(MessageSource messages, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "problem.malformed.title", "problem.malformed.detail", List.of(),
				messages, locale);
	}

	/**
	 * A body over {@link BodySizeLimit#LIMIT}: the same words as the error controller's
	 * when the declared length alone was too much.
	 */
	static ProblemDetail tooLarge(MessageSource messages, Locale locale) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "problem.status.413.title", "problem.status.413.detail", List.of(),
				messages, locale);
	}

	static ProblemDetail problem(HttpStatus status, String titleKey, String detailKey, List<FieldMessage> errors,
			MessageSource messages, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(detailKey, null, locale));
		problem.setTitle(messages.getMessage(titleKey, null, locale));
		if (!errors.isEmpty()) {
			problem.setProperties(Map.of("errors", errors));
		}
		return problem;
	}

	private static ResponseEntity<Object> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		return cause(ex, type) != null;
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		return null;
	}

}
