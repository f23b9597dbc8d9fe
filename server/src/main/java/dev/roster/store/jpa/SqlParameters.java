package dev.roster.store.jpa;

import java.util.Collection;
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

  /**
   * {@code " = :name"} for one value, {@code " in (:name)"} for more, to follow a column: the
   * lookup of one user (a GET) then sends a statement Hibernate has seen before, where a list is
   * spliced into the text and parsed again on every call.
   */
  static String isAnyOf(String name, Collection<?> values) {
    return values.size() == 1 ? " = :" + name : " in (:" + name + ")";
  }

  /** Binds {@code values} as {@link #isAnyOf} wrote them. */
  static <T extends SelectionQuery<?>> T ids(T query, String name, Collection<?> values) {
    if (values.size() == 1) {
      query.setParameter(name, values.iterator().next());
    } else {
      query.setParameterList(name, values);
    }
    return query;
  }
}
