package dev.roster.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Runs the Bean Validation constraints on the bound records and reports every broken rule on one
 * line, sorted by key path, so an operator fixes them all in one go.
 */
final class ConfigValidator {

  private ConfigValidator() {}

  static void validate(Object config, KeyLabels labels) {
    Set<ConstraintViolation<Object>> violations;
    try (ValidatorFactory factory = factory()) {
      violations = factory.getValidator().validate(config);
    }
    if (!violations.isEmpty()) {
      throw new ConfigException(
          violations.stream()
              .map(v -> labels.label(v.getPropertyPath().toString()) + ": " + v.getMessage())
              .sorted()
              .distinct()
              .collect(Collectors.joining("; ")));
    }
  }

  /**
   * No EL implementation is on the class path, so messages are interpolated from parameters only,
   * which also keeps {@code ${validatedValue}} (possibly a secret) out of them. English regardless
   * of the machine's locale: these messages go to logs and issue reports.
   */
  private static ValidatorFactory factory() {
    MessageInterpolator parameters = new ParameterMessageInterpolator();
    MessageInterpolator english =
        new MessageInterpolator() {
          @Override
          public String interpolate(String template, Context context) {
            return parameters.interpolate(template, context, Locale.ENGLISH);
          }

          @Override
          public String interpolate(String template, Context context, Locale locale) {
            return parameters.interpolate(template, context, Locale.ENGLISH);
          }
        };
    return Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(english)
        .buildValidatorFactory();
  }
}
