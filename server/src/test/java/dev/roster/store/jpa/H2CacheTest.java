package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.RosterConfig;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Each connection to the embedded database keeps more parsed statements than H2's 8, and the URL
 * never carries the page cache (that is {@link H2PageCache}'s, see {@link H2PageCacheTest}).
 */
class H2CacheTest {
  @Test
  void theQueryCacheIsAddedAndThePageCacheIsNot() {
    assertThat(Database.withH2QueryCache("jdbc:h2:file:/data/roster;AUTO_SERVER=TRUE"))
        .isEqualTo("jdbc:h2:file:/data/roster;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64");
  }

  @Test
  void aQueryCacheSizeInTheUrlIsKept() {
    assertThat(Database.withH2QueryCache("jdbc:h2:mem:x;Query_Cache_Size=16"))
        .isEqualTo("jdbc:h2:mem:x;Query_Cache_Size=16");
  }

  @Test
  void aPageCacheSizeInTheUrlIsKeptAndIsNotTheQueryCache() {
    assertThat(Database.withH2QueryCache("jdbc:h2:file:/data/roster;cache_size=1024"))
        .isEqualTo("jdbc:h2:file:/data/roster;cache_size=1024;QUERY_CACHE_SIZE=64");
  }

  @Test
  void otherDatabasesAreLeftAlone() {
    assertThat(Database.withH2QueryCache("jdbc:postgresql://db/roster"))
        .isEqualTo("jdbc:postgresql://db/roster");
  }

  @Test
  void theOpenedDatabaseHasTheQueryCache() {
    RosterConfig config = TestServer.config(Db.H2);
    try (Database database =
        Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 2)) {
      JpaTransactions tx = new JpaTransactions(database.sessionFactory());
      assertThat(
              tx.reading(
                  () ->
                      tx.session()
                          .createNativeQuery(
                              "select setting_value from information_schema.settings"
                                  + " where setting_name = 'QUERY_CACHE_SIZE'",
                              Object.class)
                          .getSingleResult()
                          .toString()))
          .isEqualTo("64");
    }
  }
}
