package org.opendvc.portal.api.problem;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A request member that must be given and hold more than blanks ({@link NotBlank}). The request
 * records use this rather than {@code @NotBlank} itself: Payara 6's OpenAPI generator fails on the
 * standard size and blank constraints when it meets them on a record's constructor parameters, and
 * {@code /openapi} would answer 500.
 */
@NotBlank
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
public @interface Filled {
  String message() default "request.required";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
