package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.RosterConfig;
import dev.roster.domain.Account;
import dev.roster.domain.Group;
import dev.roster.domain.GroupDraft;
import dev.roster.domain.GroupService;
import dev.roster.domain.IfMatch;
import dev.roster.domain.MemberRef;
import dev.roster.domain.MembershipChange;
import dev.roster.domain.MembershipChange.Kind;
import dev.roster.domain.Meta;
import dev.roster.domain.Source;
import dev.roster.domain.Tenant;
import dev.roster.domain.User;
import dev.roster.domain.UserDetails;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A membership PATCH costs the same few statements and reads the same few rows whether the group
 * has five members or thousands: it never loads the group's members. Measured with Hibernate's
 * statistics on a real database (the batch insert of new memberships is one more statement, outside
 * them).
 */
@ParameterizedClass
@EnumSource(Db.class)
class MembershipPatchStatementsTest {
  private static final UUID TENANT = Tenant.DEFAULT_ID;
  private static final int LARGE = 3_000;

  private final Db db;
  private Database database;
  private JpaTransactions tx;
  private JpaUserStore users;
  private GroupService groups;

  MembershipPatchStatementsTest(Db db) {
    this.db = db;
  }

  @BeforeEach
  void open() {
    RosterConfig config = TestServer.config(db);
    database = Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 2);
    tx = new JpaTransactions(database.sessionFactory());
    users = new JpaUserStore(tx, database.isPostgres());
    groups =
        new GroupService(
            tx,
            new JpaGroupStore(tx, database.isPostgres()),
            new dev.roster.domain.AdministratorGuard(new JpaAdministrators(tx)),
            Database.LOCK_TIMEOUT);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aMembershipPatchDoesNotGrowWithTheGroup() {
    List<UUID> many = newUsers(LARGE);
    List<UUID> few = many.subList(0, 5);
    UUID large = newGroup("large", many);
    UUID small = newGroup("small", few);

    Cost onLarge = patchCost(large, newUsers(20), many.subList(100, 120));
    Cost onSmall = patchCost(small, newUsers(20), few.subList(0, 2));

    // 7: lock and read the group (two statements on H2, see LockedRows); is it nested, since a
    // remove could demote an administrator; which ids are users (all are, so groups are not
    // asked); which of them the group holds; the memberships the members to remove hold, one
    // statement per member column, each led by its (member, group) index rather than walking the
    // group's memberships; move the group's version. (The insert and the delete are JDBC batches,
    // outside Hibernate's count.)
    assertThat(onLarge.statements())
        .isEqualTo(onSmall.statements())
        .isLessThanOrEqualTo(7 + lockStatements());
    assertThat(onLarge.rows()).isLessThanOrEqualTo(100);
    assertThat(memberships(large)).hasSize(LARGE);
  }

  @Test
  void anAddAsksOnlyWhatItMust() {
    List<UUID> many = newUsers(LARGE);
    UUID large = newGroup("add-only", many);

    Cost add = patchCost(large, newUsers(20), List.of());

    // 4: lock and read the group; which ids are users; which of them the group holds; move the
    // group's version. Not whether the group is nested: adding members never demotes anyone.
    assertThat(add.statements()).isLessThanOrEqualTo(4 + lockStatements());
    assertThat(add.rows()).isLessThanOrEqualTo(100);
  }

  @Test
  void theStatisticsSeeAFullMemberReadSoTheBoundAboveMeansSomething() {
    UUID large = newGroup("read-all", newUsers(500));
    Statistics statistics = statistics();
    assertThat(memberships(large)).hasSize(500);
    assertThat(rows(statistics)).isGreaterThanOrEqualTo(500);
  }

  private record Cost(long statements, long rows) {}

  /** H2 locks the group's row with an update of its own before reading it (LockedRows). */
  private int lockStatements() {
    return db == Db.H2 ? 1 : 0;
  }

  private Cost patchCost(UUID group, List<UUID> add, List<UUID> remove) {
    Statistics statistics = statistics();
    Group patched =
        groups.patch(
            TENANT,
            group,
            IfMatch.NONE,
            current -> current,
            remove.isEmpty()
                ? List.of(new MembershipChange(Kind.ADD, add.stream().map(MemberRef::new).toList()))
                : List.of(
                    new MembershipChange(Kind.ADD, add.stream().map(MemberRef::new).toList()),
                    new MembershipChange(
                        Kind.REMOVE, remove.stream().map(MemberRef::new).toList())));
    assertThat(patched.meta().version()).isPositive();
    return new Cost(statistics.getPrepareStatementCount(), rows(statistics));
  }

  private Statistics statistics() {
    Statistics statistics = database.sessionFactory().getStatistics();
    statistics.setStatisticsEnabled(true);
    statistics.clear();
    return statistics;
  }

  /** Rows returned by every query since the statistics were cleared. */
  private static long rows(Statistics statistics) {
    long rows = 0;
    for (String query : statistics.getQueries()) {
      rows += statistics.getQueryStatistics(query).getExecutionRowCount();
    }
    return rows;
  }

  private List<UUID> newUsers(int count) {
    List<UUID> ids = new ArrayList<>();
    tx.run(
        () -> {
          Instant now = Instant.now();
          for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            users.insert(
                TENANT,
                new User(
                    id,
                    "u-" + id,
                    null,
                    true,
                    Account.of(Source.LOCAL_NO_AUTH),
                    UserDetails.empty(),
                    new Meta(now, now, 0)),
                null);
            ids.add(id);
          }
        });
    return ids;
  }

  private UUID newGroup(String name, List<UUID> members) {
    return groups
        .create(
            TENANT,
            new GroupDraft(
                name + "-" + UUID.randomUUID(),
                null,
                null,
                members.stream().map(MemberRef::new).toList()))
        .id();
  }

  /** The group's membership rows, all of them: what a PATCH must not read. */
  private List<?> memberships(UUID group) {
    return tx.inTransaction(
        () ->
            tx.session()
                .createNativeQuery(
                    "select coalesce(user_id, member_group_id) from membership where group_id = :g",
                    Object.class)
                .setParameter("g", group)
                .getResultList());
  }
}
