package dev.roster.store.jpa;

import static dev.roster.sync.testing.GeneratedDirectory.dn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.roster.config.RosterConfig;
import dev.roster.domain.Tenant;
import dev.roster.sync.MemoryStore;
import dev.roster.sync.SyncMode;
import dev.roster.sync.SyncOutcome;
import dev.roster.sync.Synchronizer;
import dev.roster.sync.config.PolicySettings.Deletion;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.Conflict;
import dev.roster.sync.plan.MembershipChange;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.plan.UserChange;
import dev.roster.sync.port.MemberDigest;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMember;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.port.SyncWorkspace;
import dev.roster.sync.read.DirectoryReader;
import dev.roster.sync.testing.GeneratedDirectory;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The synchronizer's port on a real database: runs streamed through {@link JpaSyncStore} and its
 * workspace plan and apply what the in-memory port does, step for step, and the workspace walks its
 * rows in pages without losing or repeating one.
 */
@ParameterizedClass
@EnumSource(Db.class)
class JpaSyncStoreTest {
  private final Db db;
  private Database database;
  private JpaTransactions tx;
  private JpaSyncStore store;
  @TempDir Path spool;

  JpaSyncStoreTest(Db db) {
    this.db = db;
  }

  @BeforeEach
  void open() {
    RosterConfig config = TestServer.config(db);
    database = Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 2);
    tx = new JpaTransactions(database.sessionFactory());
    store = new JpaSyncStore(tx, Tenant.DEFAULT_ID, Map.of(), database.isPostgres(), spool);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void streamedRunsOnTheDatabaseDoWhatTheyDoInMemory() throws Exception {
    MemoryStore memory = new MemoryStore();
    DirectoryReader reader = new DirectoryReader();
    Synchronizer onDatabase = new Synchronizer(reader, store, 5);
    Synchronizer inMemory = new Synchronizer(reader, memory, 5);
    try (GeneratedDirectory directory = GeneratedDirectory.start(60)) {
      SourceSettings disable = directory.source(4, Deletion.DISABLE, "entryUUID", -1);
      SourceSettings delete = directory.source(4, Deletion.DELETE, "entryUUID", -1);

      assertThat(assertSameRun(onDatabase, inMemory, disable, SyncMode.FULL)).isPositive();
      for (int i = 20; i < 26; i++) {
        directory.server().delete(dn(i));
      }
      directory.server().modifyDN(dn(7), "uid=u007-renamed", true);
      directory
          .server()
          .modify(
              "cn=even,ou=groups,dc=ex",
              new Modification(ModificationType.DELETE, "member", dn(0)));
      assertThat(assertSameRun(onDatabase, inMemory, disable, SyncMode.DRY_RUN)).isPositive();
      assertThat(assertSameRun(onDatabase, inMemory, disable, SyncMode.FULL)).isPositive();
      directory.server().delete(dn(30));
      directory.server().delete(dn(10));
      directory.add(10);
      assertThat(assertSameRun(onDatabase, inMemory, delete, SyncMode.FULL)).isPositive();
      assertThat(assertSameRun(onDatabase, inMemory, delete, SyncMode.FULL)).isZero();

      assertThat(users())
          .isEqualTo(memoryUsers(memory))
          .contains("u010 true", "u007-renamed true")
          .doesNotContain("u021", "u030");
      assertThat(memberships()).isEqualTo(memory.memberships());
      assertThat(spoolFiles()).isZero();
    }
  }

  /**
   * An incremental run asks for every member its groups name at once; beyond {@link
   * Memberships#CHUNK} names the store answers from one pass over the source's users instead of
   * lookups, and the answer is the same, a user who left included.
   */
  @Test
  void membersAreFoundTheSameByLookupsAndByOnePassOverTheSource() throws Exception {
    try (GeneratedDirectory directory = GeneratedDirectory.start(30)) {
      SourceSettings corp = directory.source(10, Deletion.DISABLE, "entryUUID", -1);
      directory.server().delete(dn(3));
      syncFully(corp, 10);
      directory.add(3);
      directory.server().delete(dn(5));
      syncFully(corp, 10);
      List<String> dns = column("ldap_dn");
      assertThat(dns).hasSize(30);
      List<String> many = beyondOneLookup(dns, i -> "uid=nobody-" + i + ",ou=people,dc=ex");

      Map<String, StoredMember> lookedUp = store.membersByDn("corp", dns);
      Map<String, StoredMember> onePass = store.membersByDn("corp", many);

      assertThat(onePass).isEqualTo(lookedUp).hasSize(30);
      assertThat(onePass.values().stream().filter(StoredMember::disabledBecauseLeft)).hasSize(1);
      assertThat(store.membersByDn("elsewhere", many)).isEmpty();
    }
  }

  /**
   * The pass goes through the source's users in pages by DN, and DNs need not be unique: ten users
   * sharing one DN across pages of four are each found once, by userName, as lookups find them.
   */
  @Test
  void onePassInPagesFindsEveryUserWhenAPageEndsAmongUsersOfOneDn() throws Exception {
    try (GeneratedDirectory directory = GeneratedDirectory.start(30)) {
      SourceSettings corp = directory.source(10, Deletion.DISABLE, "entryUUID", -1);
      syncFully(corp, 10);
      tx.run(
          () ->
              tx.session()
                  .createNativeMutationQuery(
                      "update user_account set ldap_dn = 'uid=shared,ou=people,dc=ex'"
                          + " where user_name_lower >= 'u010' and user_name_lower < 'u020'")
                  .executeUpdate());
      List<String> names = column("user_name_lower");
      List<String> many = beyondOneLookup(names, i -> "nobody-" + i);
      JpaSyncStore paged =
          new JpaSyncStore(tx, Tenant.DEFAULT_ID, Map.of(), database.isPostgres(), spool, 4);

      Map<String, StoredMember> lookedUp = paged.membersByUserName("corp", names);
      Map<String, StoredMember> onePass = paged.membersByUserName("corp", many);

      assertThat(onePass).isEqualTo(lookedUp).hasSize(30);
      assertThat(onePass.values().stream().map(StoredMember::id).distinct()).hasSize(30);
      assertThat(paged.membersByDn("corp", many)).isEmpty();
    }
  }

  @Test
  void theWorkspaceWalksUnseenUsersOnceInPagesAndReadsThePlanBackInApplyOrder() throws Exception {
    List<String> anchors = List.of("b", "A", "a", "B", "c", "Ä", "a-1");
    List<UserChange> creates = new ArrayList<>();
    for (int i = 0; i < anchors.size(); i++) {
      creates.add(new UserChange.Create(user(anchors.get(i), "user" + i)));
    }
    store.apply("corp", new SyncPlan("corp", creates, List.of(), List.of(), List.of()));

    try (SyncWorkspace work = store.open("corp")) {
      assertThat(work.see(List.of("a", "B"))).isEmpty();
      assertThat(work.see(List.of("B", "c"))).containsExactly("B");
      List<String> unseen = new ArrayList<>();
      work.forEachUnseen(
          1,
          page -> {
            assertThat(page).hasSize(1);
            page.forEach(user -> unseen.add(user.anchor()));
          });
      assertThat(unseen).containsExactlyInAnyOrder("b", "A", "Ä", "a-1");
      work.claim(List.of("x", "y"));
      assertThat(work.claimed(List.of("y", "z"))).containsExactly("y");

      UUID id = UUID.randomUUID();
      MembershipChange add =
          new MembershipChange.Add(MembershipChange.Ref.id(id), MembershipChange.Ref.anchor("n"));
      work.add(
          new SyncPlan(
              "corp",
              List.of(
                  new UserChange.Create(user("n", "new")),
                  new UserChange.Create(user("m", "more")),
                  new UserChange.Delete(id, "gone")),
              List.of(),
              List.of(add),
              List.of(new Conflict("dup", "uid=dup", "LOCAL", "skipped"))));
      work.add(
          new SyncPlan(
              "corp",
              List.of(new UserChange.Create(user("o", "other"))),
              List.of(),
              List.of(add),
              List.of()));
      List<List<Object>> batches = new ArrayList<>();
      work.forEachBatch(
          2,
          batch -> {
            List<Object> changes = new ArrayList<>(batch.users());
            changes.addAll(batch.memberships());
            batches.add(changes);
          });
      assertThat(batches)
          .containsExactly(
              List.of(new UserChange.Delete(id, "gone")),
              List.of(
                  new UserChange.Create(user("n", "new")),
                  new UserChange.Create(user("m", "more"))),
              List.of(new UserChange.Create(user("o", "other"))),
              List.of(add, add));
      List<String> lines = new ArrayList<>();
      work.forEachLine(lines::add);
      assertThat(lines)
          .isSorted()
          .hasSize(7)
          .anyMatch(line -> line.startsWith("conflict"))
          .containsOnlyOnce("user delete gone");
      assertThat(lines.stream().filter(line -> line.startsWith("membership add"))).hasSize(2);
      List<String> again = new ArrayList<>();
      work.forEachLine(again::add);
      assertThat(again).isEqualTo(lines);
    }
    assertThat(spoolFiles()).isZero();
  }

  @Test
  void aGroupsDigestCountsOnlyAtTheVersionItWasTakenAt() throws Exception {
    try (GeneratedDirectory directory = GeneratedDirectory.start(30)) {
      SourceSettings source = directory.source(4, Deletion.DISABLE, "entryUUID", -1);
      syncFully(source, 5);
      Map<String, StoredGroup> groups = groupsByName();
      assertThat(groups).isNotEmpty();
      assertThat(store.heldMemberships("corp"))
          .isPositive()
          .isEqualTo(rows("membership where origin = 'LDAP:corp'"));
      assertThat(store.heldMemberships("elsewhere")).isZero();
      for (StoredGroup group : groups.values()) {
        MemberDigest held = new MemberDigest();
        store.memberships("corp", List.of(group.id())).forEach(m -> held.add(m.userId()));
        assertThat(group.heldDigest()).as(group.displayName()).isEqualTo(held.value());
      }

      UUID even = groups.get("even").id();
      tx.run(() -> Memberships.touch(tx.session(), List.of(even)));
      assertThat(groupsByName().get("even").heldDigest()).isNull();
      assertThat(groupsByName().get("all").heldDigest()).isEqualTo(groups.get("all").heldDigest());

      store.refreshHeldDigests("corp");
      assertThat(groupsByName().get("even").heldDigest())
          .isEqualTo(groups.get("even").heldDigest());
    }
  }

  /**
   * A run's new users go in by plain JDBC: their rows must be what Hibernate reads and what an
   * entity write would have made, the searchable values included.
   */
  @Test
  void usersARunCreatesAreStoredAsAnEntityWriteStoresThem() {
    java.time.Instant before = dev.roster.domain.Clock.now();
    store.apply(
        "corp",
        new SyncPlan(
            "corp",
            List.of(
                new UserChange.Create(
                    new DirectoryUser(
                        "a1",
                        "uid=ada,dc=ex",
                        "Ada",
                        "Ada",
                        "Lovelace",
                        "Ada L.",
                        "Ada@Example.org",
                        true)),
                new UserChange.Create(
                    new DirectoryUser(
                        "b1", "uid=bob,dc=ex", "bob", null, null, null, null, false))),
            List.of(),
            List.of(),
            List.of()));
    java.time.Instant after = java.time.Instant.now();
    List<String> written = values();
    assertThat(written)
        .contains("ada emails.value 0 ada@example.org", "ada name.familyname 0 lovelace");

    tx.run(
        () -> {
          List<UserEntity> users =
              tx.session()
                  .createSelectionQuery("from UserEntity u order by u.userName", UserEntity.class)
                  .getResultList();
          assertThat(users).extracting(u -> u.userName).containsExactly("Ada", "bob");
          UserEntity ada = users.get(0);
          assertThat(ada.displayName).isEqualTo("Ada L.");
          assertThat(ada.displayNameLower).isEqualTo("ada l.");
          assertThat(ada.userNameLower).isEqualTo("ada");
          assertThat(ada.ldapUuid).isEqualTo("a1");
          assertThat(ada.ldapDn).isEqualTo("uid=ada,dc=ex");
          assertThat(ada.source).isEqualTo("LDAP");
          assertThat(ada.sourceName).isEqualTo("corp");
          assertThat(ada.active).isTrue();
          assertThat(ada.version).isZero();
          assertThat(ada.searchVersion).isEqualTo(UserValues.VERSION);
          assertThat(ada.created).isBetween(before, after).isEqualTo(ada.lastModified);
          assertThat(ada.lastLogin).isNull();
          assertThat(StoredJson.readUser(ada.attributes).displayName()).isEqualTo("Ada L.");
          UserEntity bob = users.get(1);
          assertThat(bob.active).isFalse();
          assertThat(bob.disabledReason).isEqualTo(DisabledReason.DIRECTORY);
        });

    // A column added to the table must be written by NewUsers too.
    List<String> columns = new ArrayList<>();
    tx.run(
        () ->
            tx.session()
                .createNativeQuery(
                    "select lower(column_name) from information_schema.columns"
                        + " where lower(table_name) = 'user_account'",
                    String.class)
                .getResultList()
                .forEach(columns::add));
    assertThat(NewUsers.USER_COLUMNS).containsExactlyInAnyOrderElementsOf(columns);

    // The same users' values written again through Hibernate's collection are the same rows.
    tx.run(
        () ->
            tx.session()
                .createNativeMutationQuery("update user_account set search_version = 0")
                .executeUpdate());
    assertThat(UserValues.reindexStale(tx)).isEqualTo(2);
    assertThat(values()).isEqualTo(written);
  }

  /**
   * The planner gave each new user a free userName; one taken since (a SCIM create racing the run)
   * fails the batch with a conflict, and nothing of the batch is written.
   */
  @Test
  void aUserNameTakenWhileTheRunPlannedFailsTheBatchAndWritesNothing() {
    store.apply(
        "corp",
        new SyncPlan(
            "corp",
            List.of(new UserChange.Create(user("a1", "Ada"))),
            List.of(),
            List.of(),
            List.of()));
    long values = rows("user_value");

    SyncPlan racing =
        new SyncPlan(
            "corp",
            List.of(
                new UserChange.Create(user("b1", "bob")), new UserChange.Create(user("c1", "ADA"))),
            List.of(),
            List.of(),
            List.of());
    assertThatThrownBy(() -> store.apply("corp", racing))
        .isInstanceOf(dev.roster.domain.Conflict.class)
        .hasMessageContaining("taken while the sync ran");

    assertThat(users()).isEqualTo("Ada true");
    assertThat(rows("user_value")).isEqualTo(values);
  }

  /** "userName path item text" lines of every stored value, sorted. */
  private List<String> values() {
    List<String> lines = new ArrayList<>();
    tx.run(
        () ->
            tx.session()
                .createNativeQuery(
                    "select u.user_name_lower, v.path, v.item_index, v.text_value, v.text_key,"
                        + " v.bool_value, v.tenant_id from user_value v"
                        + " join user_account u on u.id = v.user_id",
                    Object[].class)
                .getResultList()
                .forEach(
                    row ->
                        lines.add(
                            row[0]
                                + " "
                                + row[1]
                                + " "
                                + row[2]
                                + " "
                                + row[3]
                                + (row[4] == null || row[4].equals(row[3]) ? "" : " key " + row[4])
                                + (row[5] == null ? "" : " " + row[5])
                                + (Tenant.DEFAULT_ID.equals(Memberships.uuid(row[6]))
                                    ? ""
                                    : " tenant " + row[6]))));
    lines.sort(null);
    return lines;
  }

  private Map<String, StoredGroup> groupsByName() {
    Map<String, StoredGroup> groups = new java.util.HashMap<>();
    store.groups("corp").forEach(group -> groups.put(group.displayName(), group));
    return groups;
  }

  /** Runs both, checks they did the same, and returns how many changes they made. */
  private static int assertSameRun(
      Synchronizer onDatabase, Synchronizer inMemory, SourceSettings source, SyncMode mode) {
    try (SyncOutcome database = onDatabase.run(source, mode);
        SyncOutcome memory = inMemory.run(source, mode)) {
      assertThat(database.status()).isEqualTo(memory.status());
      assertThat(database.plan().counts()).isEqualTo(memory.plan().counts());
      return database.plan().counts().changes();
    }
  }

  private static DirectoryUser user(String anchor, String userName) {
    return new DirectoryUser(
        anchor, "uid=" + userName + ",dc=ex", userName, null, null, null, null, true);
  }

  private String users() {
    List<String> users = new ArrayList<>();
    tx.run(
        () ->
            tx.session()
                .createSelectionQuery(
                    "select u.userName, u.active from UserEntity u where u.sourceName = 'corp'",
                    Object[].class)
                .getResultList()
                .forEach(row -> users.add(row[0] + " " + row[1])));
    users.sort(null);
    return String.join("\n", users);
  }

  private static String memoryUsers(MemoryStore memory) {
    List<String> users = new ArrayList<>();
    for (StoredUser user : memory.users.values()) {
      users.add(user.userName() + " " + user.active());
    }
    users.sort(null);
    return String.join("\n", users);
  }

  /** "group user origin" lines, as {@link MemoryStore#memberships()} writes them. */
  private String memberships() {
    List<String> lines = new ArrayList<>();
    tx.run(
        () ->
            tx.session()
                .createNativeQuery(
                    "select g.display_name, u.user_name, m.origin from membership m"
                        + " join user_group g on g.id = m.group_id"
                        + " join user_account u on u.id = m.user_id",
                    Object[].class)
                .getResultList()
                .forEach(row -> lines.add(row[0] + " " + row[1] + " " + row[2])));
    lines.sort(null);
    return String.join("\n", lines);
  }

  /** A workspace that a run left open (an Error) is closed by the source's next run. */
  @Test
  void aSourcesNextRunDropsTheWorkspaceItsLastRunLeftOpen() throws Exception {
    SyncWorkspace left = store.open("corp");
    left.add(
        new SyncPlan(
            "corp",
            List.of(new UserChange.Create(user("n", "new"))),
            List.of(),
            List.of(),
            List.of()));
    SyncWorkspace other = store.open("other");
    assertThat(spoolFiles()).isEqualTo(2);

    try (SyncWorkspace next = store.open("corp")) {
      assertThat(spoolFiles()).isEqualTo(2);
      List<SyncPlan> batches = new ArrayList<>();
      next.forEachBatch(10, batches::add);
      assertThat(batches).isEmpty();
    }
    assertThat(spoolFiles()).isEqualTo(1);
    other.close();
    left.close();
    assertThat(spoolFiles()).isZero();
  }

  /** The plan files under the spool directory. */
  private long spoolFiles() throws java.io.IOException {
    try (var files = java.nio.file.Files.walk(spool)) {
      return files.filter(file -> file.toString().endsWith(".plan")).count();
    }
  }

  /** One column of every user row. */
  /** A full run of {@code source} in batches of {@code batch}, which must apply. */
  private void syncFully(SourceSettings source, int batch) throws Exception {
    try (SyncOutcome run =
        new Synchronizer(new DirectoryReader(), store, batch).run(source, SyncMode.FULL)) {
      assertThat(run.applied()).isTrue();
    }
  }

  private List<String> column(String name) {
    return tx.inTransaction(
        () ->
            tx.session()
                .createNativeQuery("select " + name + " from user_account", String.class)
                .getResultList());
  }

  /**
   * {@code values} and as many names of nobody as make the list longer than one lookup takes, so
   * the store answers it from one pass over the source's users.
   */
  private static List<String> beyondOneLookup(List<String> values, IntFunction<String> nobody) {
    List<String> many = new ArrayList<>(values);
    for (int i = 0; many.size() <= Memberships.CHUNK; i++) {
      many.add(nobody.apply(i));
    }
    return many;
  }

  private long rows(String table) {
    return tx.inTransaction(
        () ->
            ((Number)
                    tx.session()
                        .createNativeQuery("select count(*) from " + table, Object.class)
                        .getSingleResult())
                .longValue());
  }
}
