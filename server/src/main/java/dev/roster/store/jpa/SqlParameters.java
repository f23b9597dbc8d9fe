package dev.roster.store.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
   * A statement for JDBC: its text with {@code ?} where the names were, and the values in order.
   */
  record Positional(String sql, List<Object> values) {}

  /**
   * {@code sql}, written with this object's placeholders, for JDBC: each {@code :name} outside a
   * quoted literal becomes {@code ?} and its value is added in that place (a name used twice is
   * bound twice). Instants go as {@code OffsetDateTime} in UTC, which both drivers take.
   *
   * <p>It knows single-quoted literals and nothing more of SQL: the fragments a search is built of
   * must hold no double-quoted identifiers, comments, dollar quoting or {@code E''} strings, and no
   * colon outside a literal but a placeholder's.
   */
  Positional positional(String sql) {
    StringBuilder text = new StringBuilder(sql.length());
    List<Object> bound = new ArrayList<>();
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == ':'
          && !quoted
          && i + 1 < sql.length()
          && Character.isJavaIdentifierStart(sql.charAt(i + 1))
          && (i == 0 || sql.charAt(i - 1) != ':')) {
        int end = i + 1;
        while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
          end++;
        }
        String name = sql.substring(i + 1, end);
        if (!values.containsKey(name)) {
          throw new IllegalStateException("no value bound for :" + name);
        }
        Object value = values.get(name);
        bound.add(value instanceof Instant instant ? Jdbc.utc(instant) : value);
        text.append('?');
        i = end - 1;
        continue;
      }
      text.append(c);
    }
    return new Positional(text.toString(), bound);
  }
}
