package dev.roster.store.jpa;

import java.util.List;

/**
 * A SQL expression that a filter compares with a value, and how it is stored.
 *
 * @param sql the expression, written in this package (never from input)
 * @param key an indexed prefix of {@code sql} ({@code user_value.text_key}), or null
 * @param kind the type of the stored value
 * @param folded whether text is stored case-folded ({@code caseExact: false}), so a compared value
 *     must be folded the same way
 * @param idColumns for {@link Kind#ID}: the indexed columns one of which holds the id; an equality
 *     is answered from them rather than from {@code sql}
 */
record Operand(String sql, String key, Kind kind, boolean folded, List<String> idColumns) {
  enum Kind {
    TEXT,
    ID,
    BOOLEAN,
    DATE_TIME
  }

  static Operand text(String sql, boolean folded) {
    return new Operand(sql, null, Kind.TEXT, folded, List.of());
  }

  static Operand id(String sql, boolean folded, String... columns) {
    return new Operand(
        sql, null, Kind.ID, folded, columns.length == 0 ? List.of(sql) : List.of(columns));
  }

  static Operand of(String sql, Kind kind) {
    return new Operand(sql, null, kind, false, List.of());
  }
}
