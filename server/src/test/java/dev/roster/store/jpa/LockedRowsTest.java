package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.config.RosterConfig;
import dev.roster.domain.Account;
import dev.roster.domain.Group;
import dev.roster.domain.GroupSettings;
import dev.roster.domain.Meta;
import dev.roster.domain.Source;
import dev.roster.domain.Tenant;
import dev.roster.domain.User;
import dev.roster.domain.UserDetails;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code findForUpdate} locks the row until the transaction ends, on both databases (H2 takes the
 * lock with an update that changes nothing, PostgreSQL with {@code SELECT … FOR UPDATE}): a second
 * writer waits, then reads what the first committed. Two transactions on two threads, with no queue
 * in front of them, as two server processes sharing one database would be.
 */
@ParameterizedClass
@EnumSource(Db.class)
class LockedRowsTest {
  private static final UUID TENANT = Tenant.DEFAULT_ID;

  private final Db db;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private Database database;
  private JpaTransactions tx;
  private JpaGroupStore groups;
  private JpaUserStore users;

  LockedRowsTest(Db db) {
    this.db = db;
  }

  @BeforeEach
  void open() {
    RosterConfig config = TestServer.config(db);
    database = Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 4);
    tx = new JpaTransactions(database.sessionFactory());
    groups = new JpaGroupStore(tx, database.isPostgres());
    users = new JpaUserStore(tx, database.isPostgres());
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    database.close();
  }

  @Test
  void aSecondWriterOfAGroupWaitsAndReadsWhatTheFirstCommitted() throws Exception {
    Group group = tx.inTransaction(() -> groups.insert(TENANT, newGroup("before")));
    String after = "after-" + UUID.randomUUID();

    String seen =
        secondWaitsForFirst(
            () -> groups.findForUpdate(TENANT, group.id()).orElseThrow(),
            locked -> groups.update(TENANT, renamed(locked, after)),
            () -> groups.findForUpdate(TENANT, group.id()).orElseThrow().displayName());

    assertThat(seen).isEqualTo(after);
  }

  @Test
  void aSecondWriterOfAUserWaitsAndReadsWhatTheFirstCommitted() throws Exception {
    User user = tx.inTransaction(() -> users.insert(TENANT, newUser("before"), null));
    String after = "after-" + UUID.randomUUID();

    String seen =
        secondWaitsForFirst(
            () -> users.findForUpdate(TENANT, user.id()).orElseThrow(),
            locked -> users.update(TENANT, renamed(locked, after), null),
            () -> users.findForUpdate(TENANT, user.id()).orElseThrow().userName());

    assertThat(seen).isEqualTo(after);
  }

  @Test
  void noRowIsNothingToLock() {
    Group group = tx.inTransaction(() -> groups.insert(TENANT, newGroup("elsewhere")));
    UUID otherTenant = UUID.randomUUID();

    assertThat(tx.inTransaction(() -> groups.findForUpdate(TENANT, UUID.randomUUID()))).isEmpty();
    assertThat(tx.inTransaction(() -> users.findForUpdate(TENANT, UUID.randomUUID()))).isEmpty();
    assertThat(tx.inTransaction(() -> groups.findForUpdate(otherTenant, group.id()))).isEmpty();
  }

  /**
   * In one transaction, {@code lock} (nothing else, so only its lock can hold the second back),
   * then a wait, then {@code change} on what it read; in another transaction, once the first holds
   * its lock, {@code second}. Asserts the second is still waiting while the first is open, and
   * returns what it read.
   */
  private <L, T> T secondWaitsForFirst(
      Supplier<L> lock, java.util.function.Consumer<L> change, Supplier<T> second)
      throws Exception {
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder =
        threads.submit(
            () ->
                tx.inTransaction(
                    () -> {
                      L read = lock.get();
                      locked.countDown();
                      await(release);
                      change.accept(read);
                      return null;
                    }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
    Future<T> waiter = threads.submit(() -> tx.inTransaction(second));

    assertThrows(TimeoutException.class, () -> waiter.get(500, TimeUnit.MILLISECONDS));
    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    return waiter.get(10, TimeUnit.SECONDS);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Group newGroup(String name) {
    Instant now = Instant.now();
    return new Group(
        UUID.randomUUID(),
        name + "-" + UUID.randomUUID(),
        null,
        Source.LOCAL,
        GroupSettings.EMPTY,
        new Meta(now, now, 0));
  }

  private static Group renamed(Group group, String name) {
    return new Group(
        group.id(), name, group.externalId(), group.source(), group.settings(), group.meta());
  }

  private static User newUser(String name) {
    Instant now = Instant.now();
    return new User(
        UUID.randomUUID(),
        name + "-" + UUID.randomUUID(),
        null,
        true,
        Account.of(Source.LOCAL_NO_AUTH),
        UserDetails.empty(),
        new Meta(now, now, 0));
  }

  private static User renamed(User user, String name) {
    return new User(
        user.id(),
        name,
        user.externalId(),
        user.active(),
        user.account(),
        user.details(),
        user.meta());
  }
}
