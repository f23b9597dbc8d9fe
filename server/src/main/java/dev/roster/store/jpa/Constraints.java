package dev.roster.store.jpa;

import dev.roster.domain.Conflict;
import java.util.Locale;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns a unique-index violation into a {@link Conflict}. The check before an insert gives the
 * friendly message; this catches the race that the check cannot see.
 */
final class Constraints {
  private Constraints() {}

  static <T> T unique(String indexName, Supplier<Conflict> conflict, Supplier<T> write) {
    try {
      return write.get();
    } catch (ConstraintViolationException e) {
      String name =
          e.getConstraintName() == null ? "" : e.getConstraintName().toLowerCase(Locale.ROOT);
      if (name.contains(indexName)) {
        throw conflict.get();
      }
      throw e;
    }
  }
}
