package dev.roster.store.jpa;

import java.sql.SQLException;

/**
 * The database could not be reached at start. The message names the URL (without its query string,
 * where credentials can hide) and the driver's reason, never the password.
 */
public final class DatabaseUnavailable extends RuntimeException {
  DatabaseUnavailable(String jdbcUrl, Throwable cause) {
    super("cannot open the database at " + withoutQuery(jdbcUrl) + ": " + reason(cause), cause);
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static String reason(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql.getMessage()
            + (sql.getSQLState() == null ? "" : " (SQLState " + sql.getSQLState() + ")");
      }
    }
    return cause.getMessage();
  }
}
