package com.sciaticacheck.system;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last stop for errors no controller handled: an RFC 9457 problem for API paths, a
 * plain page for everything else. Neither shows a stack trace, exception or path.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request, Locale locale) {
		HttpStatus status = status(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		// words of the refusal itself where a filter gave some (an upload over its limit)
		String stem = (request.getAttribute(FileUploads.ERROR_MESSAGE_STEM) instanceof String given) ? given
				: "error." + status.value();
		if (uri instanceof String path && path.startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatus(status);
			problem.setInstance(instance(path));
			// words for a program's author where there are some (what to send instead),
			// else the page's title
			String problemStem = stem.equals("error." + status.value()) ? "problem.status." + status.value()
					: "problem." + stem;
			String title = this.messages.getMessage(stem + ".title", null, status.getReasonPhrase(), locale);
			problem.setTitle(this.messages.getMessage(problemStem + ".title", null, title, locale));
			problem.setDetail(this.messages.getMessage(problemStem + ".detail", null, null, locale));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		String key = (this.messages.getMessage(stem + ".title", null, null, locale) != null) ? stem : "error.other";
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("messageKey", key);
		page.addObject("status", status.value());
		return page;
	}

	private static URI instance(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
