package com.sciaticacheck.share;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The friendly pages for a wrong secret (404, the same whatever was guessed) and for a
 * link that no longer accepts answers (410).
 */
@ControllerAdvice(assignableTypes = { ClientLinkController.class, ClientResultController.class, ClinicController.class,
		ClientsController.class })
class LinkPages {

	@ExceptionHandler(LinkNotFoundException.class)
	ModelAndView notFound() {
		return new ModelAndView("share/link-unknown", HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(LinkClosedException.class)
	ModelAndView closed(LinkClosedException ex) {
		ModelAndView page = new ModelAndView("share/link-closed", HttpStatus.GONE);
		page.addObject("clinicName", ex.link().clinicName());
		return page;
	}

}
