package com.sciaticacheck.system;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Forms bound by Spring (records such as the clinic's forms) take only their
 * constructor's parameters. Without this a name like {@code share[0]} or
 * {@code clinicName.x} reaches property binding after construction, which fails with a
 * 500 instead of leaving the field unanswered; now such a name is ignored and the field's
 * own validation reports it as missing, next to the field.
 */
@ControllerAdvice
class DeclarativeBinding {

	@InitBinder
	void bindOnlyConstructorParameters(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

}
