package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.RosterConfig;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The per-source lease on a real database: one holder at a time, fencing tokens only grow. */
@ParameterizedClass
@EnumSource(Db.class)
class SyncLeaseTest {
  private final Db db;
  private Database database;
  private JpaTransactions tx;
  private JpaSyncRunStore runs;

  SyncLeaseTest(Db db) {
    this.db = db;
  }

  @BeforeEach
  void open() {
    RosterConfig config = TestServer.config(db);
    database = Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 2);
    tx = new JpaTransactions(database.sessionFactory());
    runs = new JpaSyncRunStore(tx);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aHeldLeaseIsRefusedToOthersAndReleasedItIsGrantedWithAHigherToken() {
    long first =
        tx.inTransaction(() -> runs.acquireLease("corp", "a", Duration.ofMinutes(5))).orElseThrow();
    assertThat(tx.inTransaction(() -> runs.acquireLease("corp", "b", Duration.ofMinutes(5))))
        .isEmpty();
    tx.run(() -> runs.releaseLease("corp", "a"));
    long second =
        tx.inTransaction(() -> runs.acquireLease("corp", "b", Duration.ofMinutes(5))).orElseThrow();
    assertThat(second).isGreaterThan(first);
  }

  @Test
  void aRunWhoseLeaseExpiredAndWasTakenOverCannotRenewIt() throws InterruptedException {
    // A second, not milliseconds: on a loaded machine the renewal must still come in time.
    tx.inTransaction(() -> runs.acquireLease("corp", "slow", Duration.ofSeconds(1))).orElseThrow();
    assertThat(tx.inTransaction(() -> runs.renewLease("corp", "slow", Duration.ofSeconds(1))))
        .isTrue();
    Thread.sleep(1_200);
    tx.inTransaction(() -> runs.acquireLease("corp", "fast", Duration.ofMinutes(5))).orElseThrow();
    assertThat(tx.inTransaction(() -> runs.renewLease("corp", "slow", Duration.ofMinutes(5))))
        .isFalse();
    assertThat(tx.inTransaction(() -> runs.renewLease("corp", "fast", Duration.ofMinutes(5))))
        .isTrue();
  }

  @Test
  void runsLeftRunningWithoutALeaseAreMarkedFailed() {
    var run =
        new dev.roster.domain.SyncRun(
            java.util.UUID.randomUUID(),
            "corp",
            "full",
            "running",
            dev.roster.domain.Clock.now(),
            null,
            java.util.Map.of(),
            java.util.List.of(),
            null);
    tx.run(() -> runs.insert(dev.roster.domain.Tenant.DEFAULT_ID, run));
    tx.inTransaction(() -> runs.acquireLease("corp", "alive", Duration.ofMinutes(5))).orElseThrow();
    assertThat(tx.inTransaction(() -> runs.failAbandonedRuns(java.time.Instant.now())))
        .as("leased")
        .isZero();
    tx.run(() -> runs.releaseLease("corp", "alive"));
    assertThat(
            tx.inTransaction(() -> runs.failAbandonedRuns(java.time.Instant.now().plusSeconds(1))))
        .isEqualTo(1);
    assertThat(
            tx.inTransaction(() -> runs.find(dev.roster.domain.Tenant.DEFAULT_ID, run.id()))
                .orElseThrow()
                .status())
        .isEqualTo("failed");
  }
}
