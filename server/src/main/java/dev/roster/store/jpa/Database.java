package dev.roster.store.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The database: one HikariCP pool, the schema brought up to date by Flyway's versioned migrations
 * (never by Hibernate), and the Hibernate session factory over the same pool.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final SessionFactory sessionFactory;
  private final H2PageCache pageCache;

  private Database(
      HikariDataSource dataSource, SessionFactory sessionFactory, H2PageCache pageCache) {
    this.dataSource = dataSource;
    this.sessionFactory = sessionFactory;
    this.pageCache = pageCache;
  }

  /** Connects, migrates, sizes H2's page cache ({@link #sizesPageCache}) and starts Hibernate. */
  public static Database open(String jdbcUrl, String user, String password, int maxPoolSize) {
    HikariDataSource dataSource;
    try {
      dataSource = pool(jdbcUrl, user, password, maxPoolSize);
    } catch (RuntimeException e) {
      throw new DatabaseUnavailable(jdbcUrl, e);
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .javaMigrations(
              new TenantKeysOnH2(), IndexesOnH2.memberIndexes(), IndexesOnH2.valueIndex())
          // Text keys compare by code point on both databases (see V5__searchable_values.sql).
          .placeholders(Map.of("textCollation", isPostgres(jdbcUrl) ? "COLLATE \"C\"" : ""))
          .load()
          .migrate();
      SessionFactory sessionFactory =
          new HibernatePersistenceConfiguration("roster")
              .managedClasses(
                  UserEntity.class, UserValue.class, GroupEntity.class, TokenEntity.class)
              .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
              .property(AvailableSettings.HBM2DDL_AUTO, "none")
              // Validation happens at the edges (SCIM reader, config); entities are not validated
              // again.
              .validationMode(jakarta.persistence.ValidationMode.NONE)
              .property(AvailableSettings.STATEMENT_BATCH_SIZE, 100)
              .property(AvailableSettings.ORDER_INSERTS, true)
              .createEntityManagerFactory();
      H2PageCache pageCache =
          sizesPageCache(dataSource)
              ? H2PageCache.start(
                  dataSource, Runtime.getRuntime().maxMemory(), H2PageCache.CHECK_EVERY)
              : null;
      return new Database(dataSource, sessionFactory, pageCache);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static HikariDataSource pool(
      String jdbcUrl, String user, String password, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(withH2QueryCache(jdbcUrl));
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxPoolSize);
    config.setPoolName("roster");
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      // Keep row values (a password hash among them) out of exception messages and so out of logs.
      config.addDataSourceProperty("logServerErrorDetail", "false");
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      // Writes to one user or group wait for each other's row lock (PATCH, PUT); H2 gives up
      // after one second by default, too soon for a burst of concurrent writers. PostgreSQL waits.
      config.setConnectionInitSql("SET LOCK_TIMEOUT " + LOCK_TIMEOUT.toMillis());
    }
    // Stores decide when to commit; a connection must never commit on its own.
    config.setAutoCommit(false);
    return new HikariDataSource(config);
  }

  /**
   * How long a write waits for a row another transaction has locked, on H2 (PostgreSQL waits
   * without limit); a write queued in the server behind others waits as long.
   */
  public static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  /** Parsed and planned statements H2 keeps per connection; see {@link #withH2QueryCache}. */
  private static final int QUERY_CACHE = 64;

  /**
   * An H2 URL that keeps {@value #QUERY_CACHE} parsed and planned statements per connection instead
   * of 8, unless it sets its own. A group PATCH alone sends about eight different statements, so
   * once requests of several kinds share the pooled connections H2 kept parsing and planning
   * statements it had just dropped: a mix of GET by id, userName eq and member PATCHes (1:1:2, 16
   * connections) cost the server 620–640 µs of CPU per request with 8 and 385–394 µs with 64.
   *
   * <p>The page cache is not set here: see {@link H2PageCache}.
   */
  static String withH2QueryCache(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:h2:") || setsH2(jdbcUrl, "QUERY_CACHE_SIZE")) {
      return jdbcUrl;
    }
    return jdbcUrl + ";QUERY_CACHE_SIZE=" + QUERY_CACHE;
  }

  /**
   * Whether this process sizes H2's page cache ({@link H2PageCache}): on H2 only, when the URL does
   * not set {@code CACHE_SIZE} itself, and when this process holds the database rather than
   * reaching it through another's {@code AUTO_SERVER} port (a command run beside the server would
   * size the server's cache for its own heap).
   */
  private static boolean sizesPageCache(HikariDataSource dataSource) {
    String url = dataSource.getJdbcUrl();
    if (!url.startsWith("jdbc:h2:") || setsH2(url, "CACHE_SIZE")) {
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal;
    } catch (SQLException e) {
      throw new DatabaseUnavailable(url, e);
    }
  }

  /** Whether this process sizes H2's page cache. */
  boolean sizesPageCache() {
    return pageCache != null;
  }

  /** Whether an H2 URL sets this setting itself ({@code ;NAME=value}, in any case). */
  private static boolean setsH2(String jdbcUrl, String name) {
    String[] parts = jdbcUrl.split(";");
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].strip().toUpperCase(Locale.ROOT).startsWith(name + "=")) {
        return true;
      }
    }
    return false;
  }

  /** The pool: tests size and read H2's page cache through it, below Hibernate. */
  HikariDataSource dataSource() {
    return dataSource;
  }

  public SessionFactory sessionFactory() {
    return sessionFactory;
  }

  /** True when a connection can be had and answers within two seconds. */
  public boolean isReachable() {
    try (var connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  public boolean isPostgres() {
    return isPostgres(dataSource.getJdbcUrl());
  }

  private static boolean isPostgres(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  @Override
  public void close() {
    if (pageCache != null) {
      pageCache.close();
    }
    sessionFactory.close();
    dataSource.close();
  }
}
