package dev.roster.store.jpa;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.query.SelectionQuery;

/** The parameters of a JPQL condition being built; values are only ever bound, never inlined. */
final class JpqlCondition {
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /** Binds a value and returns its placeholder. */
  String bind(Object value) {
    String name = "p" + parameters.size();
    parameters.put(name, value);
    return ":" + name;
  }

  void applyTo(SelectionQuery<?> query) {
    parameters.forEach(query::setParameter);
  }
}
