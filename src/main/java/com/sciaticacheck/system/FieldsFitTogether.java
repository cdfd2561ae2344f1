package com.sciaticacheck.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Class-level constraint reporting each {@link CrossFieldChecked#crossFieldProblems()}
 * problem on its own field.
 */
@Documented
@Constraint(validatedBy = FieldsFitTogether.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FieldsFitTogether {

	String message() default "{answers.fitTogether}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<FieldsFitTogether, CrossFieldChecked> {

		@Override
		public boolean isValid(CrossFieldChecked value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			var problems = value.crossFieldProblems();
			if (problems.isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			for (CrossFieldChecked.FieldProblem problem : problems) {
				context.buildConstraintViolationWithTemplate("{" + problem.messageKey() + "}")
					.addPropertyNode(problem.field())
					.addConstraintViolation();
			}
			return false;
		}

	}

}
