package dev.roster.store.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the running transaction, for the reads every request makes (a
 * user by id, a page's users, their groups and permissions). Through Hibernate each of those
 * statements cost about as much again as H2 took to run it (a profile of GET by id: H2 14 % of the
 * samples, Hibernate around it 18 %): a native query is parsed for its parameters and its result
 * types resolved on every call, and an entity load goes through the persistence context. Values are
 * only ever bound, never put into the text.
 */
final class Jdbc {
  private Jdbc() {}

  /** Reads one row into a value. */
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /**
   * The rows of {@code sql} with {@code parameters} bound in order. In a session that writes, what
   * it changed is flushed first, as Hibernate does before its own native queries, so the statement
   * sees this transaction's changes.
   */
  static <T> List<T> query(Session session, String sql, List<?> parameters, Row<T> row) {
    if (session.getHibernateFlushMode() != FlushMode.MANUAL) {
      session.flush();
    }
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
              statement.setObject(i + 1, parameters.get(i));
            }
            List<T> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                found.add(row.read(rows));
              }
            }
            return found;
          }
        });
  }

  /**
   * {@code " = ?"} for one value, {@code " in (?, ?, …)"} for more, to follow a column: one id (a
   * GET) sends the same statement every time.
   */
  static String isAnyOf(Collection<?> values) {
    if (values.size() == 1) {
      return " = ?";
    }
    StringJoiner marks = new StringJoiner(", ", " in (", ")");
    for (int i = 0; i < values.size(); i++) {
      marks.add("?");
    }
    return marks.toString();
  }

  static UUID uuid(ResultSet row, int column) throws SQLException {
    return row.getObject(column, UUID.class);
  }

  /** A {@code TIMESTAMP WITH TIME ZONE} column, null as null. */
  static Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
