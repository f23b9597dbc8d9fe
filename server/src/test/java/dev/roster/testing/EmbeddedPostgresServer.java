package dev.roster.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test run (started on first use, ~2 s), with a fresh database
 * for each server so tests never see each other's rows.
 */
public final class EmbeddedPostgresServer {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private EmbeddedPostgresServer() {}

  /** Creates an empty database and returns its JDBC URL (user and password: postgres). */
  public static synchronized String newDatabase() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stop));
      }
      String name = "roster_" + DATABASES.incrementAndGet();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create database " + name);
      }
      return postgres.getJdbcUrl("postgres", name);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
    }
  }

  private static void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      // the process is exiting; nothing left to do
    }
  }
}
