package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.roster.config.RosterConfig;
import dev.roster.domain.Tenant;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * H2's page cache is a quarter of the heap while the store's users fit in it and H2's own 16 MB
 * once they do not; the process that holds the database sizes it, and a connection opened later
 * keeps the size.
 */
class H2PageCacheTest {
  private static final long MIB = 1024 * 1024;

  /** A heap whose quarter (18 MB) holds exactly this many users' pages. */
  private static final long SMALL_HEAP = 72 * MIB;

  private static final long USERS_THAT_FIT = 18 * MIB / H2PageCache.BYTES_PER_USER;

  @Test
  void aQuarterOfTheHeapWhileTheUsersFit() {
    assertThat(H2PageCache.sizeKb(0, 1024 * MIB, 0)).isEqualTo(256 * 1024);
    assertThat(H2PageCache.sizeKb(200_000, 1024 * MIB, 0)).isEqualTo(256 * 1024);
    assertThat(H2PageCache.sizeKb(200_000, 1024 * MIB, 256 * 1024)).isEqualTo(256 * 1024);
    assertThat(H2PageCache.sizeKb(USERS_THAT_FIT, SMALL_HEAP, 0)).isEqualTo(18 * 1024);
  }

  @Test
  void h2sOwnSixteenMegabytesOnceTheyDoNot() {
    assertThat(H2PageCache.sizeKb(210_000, 1024 * MIB, 0)).isEqualTo(16 * 1024);
    assertThat(H2PageCache.sizeKb(1_000_000, 1024 * MIB, 256 * 1024)).isEqualTo(16 * 1024);
    assertThat(H2PageCache.sizeKb(USERS_THAT_FIT + 1, SMALL_HEAP, 0)).isEqualTo(16 * 1024);
  }

  @Test
  void theQuarterComesBackOnlyATenthBelowTheEdge() {
    long small = 16 * 1024;
    assertThat(H2PageCache.sizeKb(USERS_THAT_FIT, SMALL_HEAP, small)).isEqualTo(small);
    assertThat(H2PageCache.sizeKb(USERS_THAT_FIT - USERS_THAT_FIT / 10, SMALL_HEAP, small))
        .isEqualTo(18 * 1024);
    assertThat(H2PageCache.sizeKb(USERS_THAT_FIT - USERS_THAT_FIT / 10 + 1, SMALL_HEAP, small))
        .isEqualTo(small);
  }

  @Test
  void aSmallHeapKeepsH2sOwnSixteenMegabytes() {
    assertThat(H2PageCache.sizeKb(0, 32 * MIB, 0)).isEqualTo(16 * 1024);
  }

  @Test
  void theCacheFollowsTheStoreAsItGrowsAndShrinks() throws SQLException {
    RosterConfig config = TestServer.config(Db.H2);
    try (Database database =
            Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 2);
        H2PageCache cache =
            H2PageCache.start(database.dataSource(), SMALL_HEAP, H2PageCache.CHECK_EVERY)) {
      DataSource pool = database.dataSource();
      assertThat(cacheMb(pool)).isEqualTo(18);

      addUsers(pool, 0, USERS_THAT_FIT);
      assertThat(cache.adjust()).isEqualTo(18 * 1024);
      assertThat(cacheMb(pool)).isEqualTo(18);

      addUsers(pool, USERS_THAT_FIT, 1);
      assertThat(cache.adjust()).isEqualTo(16 * 1024);
      assertThat(cacheMb(pool)).isEqualTo(16);

      // H2 runs a URL's settings again for each connection it opens: one opened now must not
      // put a size back.
      try (Connection later =
          DriverManager.getConnection(
              database.dataSource().getJdbcUrl(), config.db().user(), config.db().password())) {
        assertThat(cacheMb(later)).isEqualTo(16);
      }

      execute(pool, "DELETE FROM user_account WHERE user_name = 'u0'");
      assertThat(cache.adjust()).isEqualTo(16 * 1024);
      execute(pool, "DELETE FROM user_account WHERE user_name < 'u2'");
      assertThat(cache.adjust()).isEqualTo(18 * 1024);
      assertThat(cacheMb(pool)).isEqualTo(18);
    }
  }

  @Test
  void theCacheIsSizedAgainAtEachInterval() throws Exception {
    RosterConfig config = TestServer.config(Db.H2);
    try (Database database =
            Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 2);
        H2PageCache cache =
            H2PageCache.start(database.dataSource(), SMALL_HEAP, Duration.ofMillis(100))) {
      DataSource pool = database.dataSource();
      assertThat(cacheMb(pool)).isEqualTo(18);
      addUsers(pool, 0, USERS_THAT_FIT + 1);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (cacheMb(pool) != 16 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(cacheMb(pool)).isEqualTo(16);
      assertThat(cache.isChecking()).isTrue();
    }
  }

  @Test
  void aUserWhoIsNotAnAdministratorLeavesTheCacheAsItIsAndIsNotAskedAgain() throws Exception {
    RosterConfig config = TestServer.config(Db.H2);
    try (Database database =
        Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 2)) {
      DataSource pool = database.dataSource();
      long before = cacheMb(pool);
      execute(pool, "CREATE USER reader PASSWORD 'reader-password'");
      execute(pool, "GRANT SELECT ON user_account TO reader");
      HikariConfig readerConfig = new HikariConfig();
      readerConfig.setJdbcUrl(database.dataSource().getJdbcUrl());
      readerConfig.setUsername("reader");
      readerConfig.setPassword("reader-password");
      readerConfig.setAutoCommit(false);
      try (HikariDataSource reader = new HikariDataSource(readerConfig);
          H2PageCache cache = H2PageCache.start(reader, 1024 * MIB, Duration.ofMillis(100))) {
        assertThat(cache.isChecking()).isFalse();
        assertThatThrownBy(cache::adjust)
            .isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(90040));
      }
      assertThat(cacheMb(pool)).isEqualTo(before);
    }
  }

  @Test
  void aCacheSizeInTheUrlIsKept() {
    RosterConfig config = TestServer.config(Db.H2);
    try (Database database =
        Database.open(
            config.jdbcUrl() + ";CACHE_SIZE=4096", config.db().user(), config.db().password(), 2)) {
      assertThat(database.sizesPageCache()).isFalse();
    }
  }

  /** A process that reaches the database through another's server must not size its cache. */
  @Test
  void aClientOfAnotherProcesssDatabaseLeavesItsCacheAlone() throws Exception {
    RosterConfig config = TestServer.config(Db.H2);
    Server tcp = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    try (Database database =
        Database.open(
            "jdbc:h2:tcp://127.0.0.1:" + tcp.getPort() + "/" + config.dataDir() + "/remote",
            config.db().user(),
            config.db().password(),
            2)) {
      assertThat(database.sizesPageCache()).isFalse();
    } finally {
      tcp.stop();
    }
  }

  @Test
  void theServerHoldsAndSizesItsDatabase() throws Exception {
    try (TestServer server = TestServer.start(Db.H2);
        Connection connection = connect(server.config())) {
      assertThat(cacheMb(connection))
          .isEqualTo(
              H2PageCache.sizeKb(count(connection), Runtime.getRuntime().maxMemory(), 0) / 1024);
    }
  }

  private static Connection connect(RosterConfig config) throws SQLException {
    return DriverManager.getConnection(
        config.jdbcUrl(), config.db().user(), config.db().password());
  }

  private static void addUsers(DataSource pool, long first, long count) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO user_account (id, tenant_id, user_name, user_name_lower, active,"
                    + " source, hidden, attributes, created, last_modified, version)"
                    + " SELECT RANDOM_UUID(), ?, 'u' || X, 'u' || X, TRUE, 'LOCAL', FALSE, '{}',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1 FROM SYSTEM_RANGE(?, ?)")) {
      insert.setObject(1, Tenant.DEFAULT_ID);
      insert.setLong(2, first);
      insert.setLong(3, first + count - 1);
      insert.executeUpdate();
      connection.commit();
    }
  }

  private static void execute(DataSource pool, String sql) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
      connection.commit();
    }
  }

  private static long cacheMb(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      return cacheMb(connection);
    }
  }

  /** The page cache's size as H2 has it: its own count, in MB. */
  private static long cacheMb(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT setting_value FROM information_schema.settings"
                    + " WHERE setting_name = 'info.CACHE_MAX_SIZE'")) {
      rows.next();
      return Long.parseLong(rows.getString(1));
    }
  }

  private static long count(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM user_account")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
