package com.sciaticacheck.system;

import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;

/**
 * Spring skips Bean Validation of a form once a value cannot be converted at all ("forty"
 * for an age). This validates the rest as well, so every problem shows at once instead of
 * one round at a time. Fields that already have an error keep only that error.
 */
@Component
public class CompleteValidation {

	private final SmartValidator validator;

	CompleteValidation(SmartValidator validator) {
		this.validator = validator;
	}

	public void afterConversionErrors(Object form, BindingResult result) {
		if (form == null || result.getFieldErrors().stream().noneMatch(FieldError::isBindingFailure)) {
			return;
		}
		BindingResult rest = new BeanPropertyBindingResult(form, result.getObjectName());
		this.validator.validate(form, rest);
		rest.getFieldErrors()
			.stream()
			.filter((error) -> !result.hasFieldErrors(error.getField()))
			.forEach(result::addError);
	}

}
