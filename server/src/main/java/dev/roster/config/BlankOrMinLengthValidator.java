package dev.roster.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link BlankOrMinLength}. */
public class BlankOrMinLengthValidator implements ConstraintValidator<BlankOrMinLength, String> {

  private int min;

  @Override
  public void initialize(BlankOrMinLength annotation) {
    this.min = annotation.min();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || value.isBlank() || value.length() >= min;
  }
}
