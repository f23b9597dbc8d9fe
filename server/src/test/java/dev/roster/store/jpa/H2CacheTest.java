package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.RosterConfig;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's page cache follows the heap instead of H2's fixed 16 MB, and each
 * connection keeps more parsed statements than H2's 8.
 */
class H2CacheTest {
  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void aQuarterOfTheHeapIsH2sPageCache() {
    assertThat(Database.withH2Cache("jdbc:h2:file:/data/roster;AUTO_SERVER=TRUE", 2 * GIB))
        .isEqualTo(
            "jdbc:h2:file:/data/roster;AUTO_SERVER=TRUE;CACHE_SIZE=524288;QUERY_CACHE_SIZE=64");
  }

  @Test
  void aSmallHeapKeepsH2sOwnSixteenMegabytes() {
    assertThat(Database.withH2Cache("jdbc:h2:mem:x", 64L * 1024 * 1024))
        .isEqualTo("jdbc:h2:mem:x;CACHE_SIZE=16384;QUERY_CACHE_SIZE=64");
  }

  @Test
  void aCacheSizeInTheUrlIsKept() {
    assertThat(Database.withH2Cache("jdbc:h2:file:/data/roster;cache_size=1024", 2 * GIB))
        .isEqualTo("jdbc:h2:file:/data/roster;cache_size=1024;QUERY_CACHE_SIZE=64");
  }

  @Test
  void aQueryCacheSizeInTheUrlIsKeptAndIsNotThePageCache() {
    assertThat(Database.withH2Cache("jdbc:h2:mem:x;Query_Cache_Size=16", 2 * GIB))
        .isEqualTo("jdbc:h2:mem:x;Query_Cache_Size=16;CACHE_SIZE=524288");
  }

  @Test
  void otherDatabasesAreLeftAlone() {
    assertThat(Database.withH2Cache("jdbc:postgresql://db/roster", 2 * GIB))
        .isEqualTo("jdbc:postgresql://db/roster");
  }

  @Test
  void theOpenedDatabaseHasTheCache() {
    RosterConfig config = TestServer.config(Db.H2);
    try (Database database =
        Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 2)) {
      JpaTransactions tx = new JpaTransactions(database.sessionFactory());
      long expected = Math.max(16, Runtime.getRuntime().maxMemory() / 4 / 1024 / 1024);
      assertThat(setting(tx, "info.CACHE_MAX_SIZE")).isEqualTo(String.valueOf(expected));
      assertThat(setting(tx, "QUERY_CACHE_SIZE")).isEqualTo("64");
    }
  }

  private static String setting(JpaTransactions tx, String name) {
    return tx.reading(
        () ->
            tx.session()
                .createNativeQuery(
                    "select setting_value from information_schema.settings"
                        + " where setting_name = :name",
                    Object.class)
                .setParameter("name", name)
                .getSingleResult()
                .toString());
  }
}
