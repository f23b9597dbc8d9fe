package dev.roster.store.jpa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.query.SelectionQuery;

/**
 * The parameters of a SQL statement being built. Values are only ever bound, never put into the
 * statement's text; the text holds placeholders and fragments written in this package.
 */
final class SqlParameters {
  /** The placeholder of the tenant, which every statement is scoped to. */
  static final String TENANT = ":tenant";

  private final Map<String, Object> values = new LinkedHashMap<>();

  SqlParameters(UUID tenantId) {
    values.put("tenant", tenantId);
  }

  private SqlParameters(Map<String, Object> values) {
    this.values.putAll(values);
  }

  /** A copy to bind more values to, for a statement that extends this one's text. */
  SqlParameters copy() {
    return new SqlParameters(values);
  }

  /** Binds a value and returns its placeholder. */
  String bind(Object value) {
    String name = "p" + (values.size() - 1);
    values.put(name, value);
    return ":" + name;
  }

  void applyTo(SelectionQuery<?> query) {
    values.forEach(query::setParameter);
  }
}
