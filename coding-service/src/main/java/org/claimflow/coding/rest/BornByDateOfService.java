package org.claimflow.coding.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The patient was born on or before the date of service: the age edits (Medicare Code Editor) need an age on
 * that day, and a negative one is a typing error, not a coding question. Reported on {@code patient.dateOfBirth}.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = BornByDateOfService.Validator.class)
public @interface BornByDateOfService {

    String message() default "must not be after the date of service";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BornByDateOfService, EncounterRequest> {

        @Override
        public boolean isValid(EncounterRequest request, ConstraintValidatorContext context) {
            if (request == null || request.dateOfService() == null || request.patient() == null
                    || request.patient().dateOfBirth() == null
                    || !request.patient().dateOfBirth().isAfter(request.dateOfService())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("patient").addPropertyNode("dateOfBirth").addConstraintViolation();
            return false;
        }
    }
}
