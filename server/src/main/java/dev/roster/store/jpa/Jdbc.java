package dev.roster.store.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;
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

  /** Takes in one row. */
  interface RowAction {
    void accept(ResultSet row) throws SQLException;
  }

  /**
   * Runs {@code sql} with {@code parameters} bound in order, handing each row to {@code action}. In
   * a session that writes, what it changed is flushed first, as Hibernate does before its own
   * native queries, so the statement sees this transaction's changes.
   */
  static void query(Session session, String sql, List<?> parameters, RowAction action) {
    if (session.getHibernateFlushMode() != FlushMode.MANUAL) {
      session.flush();
    }
    session.doWork(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
              statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                action.accept(rows);
              }
            }
          }
        });
  }

  /**
   * Runs a statement about these ids, in chunks every database accepts: {@code sql} gets the test
   * that follows the id column ({@code " = ?"} for one id, so a GET sends the same statement every
   * time; {@code " in (?, ?, …)"} for more), and the ids are bound first, then the tenant.
   */
  static void queryByIds(
      Session session,
      Collection<UUID> ids,
      UUID tenantId,
      Function<String, String> sql,
      RowAction action) {
    for (List<UUID> chunk : Memberships.chunks(ids)) {
      List<Object> parameters = new ArrayList<>(chunk);
      parameters.add(tenantId);
      query(session, sql.apply(isAnyOf(chunk.size())), parameters, action);
    }
  }

  /** {@code " = ?"} for one value, {@code " in (?, ?, …)"} for more. */
  static String isAnyOf(int count) {
    if (count == 1) {
      return " = ?";
    }
    StringJoiner marks = new StringJoiner(", ", " in (", ")");
    for (int i = 0; i < count; i++) {
      marks.add("?");
    }
    return marks.toString();
  }

  static UUID uuid(ResultSet row, int column) throws SQLException {
    return row.getObject(column, UUID.class);
  }

  /** Binds a {@code TIMESTAMP WITH TIME ZONE} as Hibernate binds an {@link Instant}: at UTC. */
  static void setInstant(PreparedStatement statement, int index, Instant time) throws SQLException {
    if (time == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, utc(time));
    }
  }

  /** An instant as both drivers take one for a {@code TIMESTAMP WITH TIME ZONE}: at UTC. */
  static OffsetDateTime utc(Instant time) {
    return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
  }

  /** A {@code TIMESTAMP WITH TIME ZONE} column, null as null. */
  static Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
