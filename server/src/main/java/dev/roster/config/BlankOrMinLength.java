package dev.roster.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optional secret: null or blank switches the feature off, anything else must be long enough to
 * resist guessing. {@code @Size} alone would reject the "off" value.
 */
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BlankOrMinLengthValidator.class)
public @interface BlankOrMinLength {

  int min();

  String message() default "must be empty or at least {min} characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
