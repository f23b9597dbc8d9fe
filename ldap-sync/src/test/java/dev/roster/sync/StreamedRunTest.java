package dev.roster.sync;

import static dev.roster.sync.testing.GeneratedDirectory.dn;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.roster.sync.config.PolicySettings;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.plan.Planner;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.port.HeldCounts;
import dev.roster.sync.port.NameHolder;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMember;
import dev.roster.sync.port.StoredMembership;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.port.SyncStore;
import dev.roster.sync.port.SyncWorkspace;
import dev.roster.sync.read.DirectoryReader;
import dev.roster.sync.testing.GeneratedDirectory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run planned as the directory is read, a page at a time, against a directory of 200 users read
 * in pages of 7 and planned in batches of 11: it plans exactly what the whole snapshot plans, and
 * never asks the store about more than a page of users at once.
 */
class StreamedRunTest {
  private static final int USERS = 200;

  private static final int READ_PAGE = 7;
  private static final int BATCH = 11;

  private GeneratedDirectory generated;
  private InMemoryDirectoryServer directory;
  private final MemoryStore memory = new MemoryStore();
  private final CountingStore store = new CountingStore(memory);
  private final DirectoryReader reader = new DirectoryReader();
  private Synchronizer synchronizer;

  @BeforeEach
  void startDirectory() throws Exception {
    generated = GeneratedDirectory.start(USERS);
    directory = generated.server();
    synchronizer = new Synchronizer(reader, store, BATCH);
  }

  @AfterEach
  void stopDirectory() {
    generated.close();
  }

  @Test
  void aStreamedRunPlansWhatTheWholeSnapshotPlans() throws Exception {
    SourceSettings source = source(PolicySettings.Deletion.DISABLE, "entryUUID");
    assertSamePlan(source);
    assertThat(synchronizer.run(source, SyncMode.FULL).status())
        .isEqualTo(SyncOutcome.Status.SUCCEEDED);
    assertThat(memory.users).hasSize(USERS);
    assertThat(memory.memberships()).contains("team u003 LDAP:corp", "team u005 LDAP:corp");
    assertThat(memory.memberships().lines().filter(l -> l.startsWith("all "))).hasSize(USERS);

    for (int i = 100; i < 130; i++) {
      directory.delete(dn(i));
    }
    directory.modifyDN(dn(7), "uid=u007-renamed", true);
    directory.modify(
        "cn=even,ou=groups,dc=ex",
        new Modification(ModificationType.DELETE, "member", dn(0), dn(2)));
    assertSamePlan(source);
    SyncOutcome second = synchronizer.run(source, SyncMode.FULL);

    assertThat(second.plan().counts().usersDisabled()).isEqualTo(30);
    assertThat(second.plan().counts().usersUpdated()).isEqualTo(1);
    assertThat(memory.memberships()).doesNotContain("even u000 LDAP:corp", "all u100 LDAP:corp");
    assertThat(synchronizer.run(source, SyncMode.FULL).plan().isEmpty()).isTrue();
  }

  @Test
  void noLookupAsksAboutMoreThanAPageOfUsers() throws Exception {
    SourceSettings source = source(PolicySettings.Deletion.DISABLE, "entryUUID");
    synchronizer.run(source, SyncMode.FULL);
    for (int i = 0; i < USERS; i += 3) {
      directory.delete(dn(i));
    }
    synchronizer.run(source(PolicySettings.Deletion.DISABLE, "entryUUID", -1), SyncMode.FULL);

    assertThat(store.largestLookup.get()).isBetween(1, BATCH);
    assertThat(store.largestUnseenPage.get()).isEqualTo(BATCH);
  }

  @Test
  void anAnchorOnTwoEntriesInDifferentPagesFailsTheRunAndWritesNothing() throws Exception {
    directory.modify(dn(150), new Modification(ModificationType.REPLACE, "employeeNumber", "3"));

    SyncOutcome outcome =
        synchronizer.run(source(PolicySettings.Deletion.DISABLE, "employeeNumber"), SyncMode.FULL);

    assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.FAILED);
    assertThat(outcome.error()).contains("duplicateAnchor", "3");
    assertThat(memory.users).isEmpty();
  }

  @Test
  void aUserRecreatedUnderItsNameIsDeletedAndCreatedInOneRun() throws Exception {
    SourceSettings source = source(PolicySettings.Deletion.DELETE, "entryUUID");
    synchronizer.run(source, SyncMode.FULL);
    UUID before = idOf("u010");
    String anchorBefore = memory.users.get(before).anchor();
    // The group keeps naming the DN: no referential integrity in this directory.
    directory.delete(dn(10));
    generated.add(10);

    SyncOutcome outcome = synchronizer.run(source, SyncMode.FULL);

    assertThat(outcome.plan().render()).contains("user delete u010", "user create u010");
    assertThat(memory.users).doesNotContainKey(before);
    assertThat(memory.memberships()).contains("all u010 LDAP:corp");
    assertThat(memory.users.get(idOf("u010")).anchor()).isNotEqualTo(anchorBefore);
  }

  @Test
  void aRunReadsTheMembershipsOfOnlyTheGroupsWhoseMembersChanged() throws Exception {
    SourceSettings source = source(PolicySettings.Deletion.DISABLE, "entryUUID");
    synchronizer.run(source, SyncMode.FULL);
    store.groupsRead.clear();

    assertThat(synchronizer.run(source, SyncMode.FULL).plan().isEmpty()).isTrue();
    assertThat(store.groupsRead).isEmpty();

    directory.modify(
        "cn=even,ou=groups,dc=ex", new Modification(ModificationType.DELETE, "member", dn(0)));
    SyncOutcome removed = synchronizer.run(source, SyncMode.FULL);

    assertThat(removed.plan().counts().membershipsRemoved()).isEqualTo(1);
    assertThat(store.groupsRead).containsExactly(groupId("even"));
    assertThat(memory.memberships()).doesNotContain("even u000 LDAP:corp");

    // What the group holds changed behind the run's back (the server's store moves the group's
    // version then): its digest no longer counts, so the next run reads it and puts it right.
    store.groupsRead.clear();
    memory.memberships.remove(groupId("team") + " " + idOf("u003") + " LDAP:corp");
    SyncOutcome repaired = synchronizer.run(source, SyncMode.FULL);

    assertThat(repaired.plan().counts().membershipsAdded()).isEqualTo(1);
    assertThat(store.groupsRead).containsExactly(groupId("team"));
    assertThat(memory.memberships()).contains("team u003 LDAP:corp");
  }

  private UUID groupId(String name) {
    return memory.groups.values().stream()
        .filter(g -> g.displayName().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** The streamed dry run against the in-memory planner over one whole read of the directory. */
  private void assertSamePlan(SourceSettings source) throws Exception {
    SyncPlan whole = new Planner().plan(source, reader.read(source), memory.view(source.name()));
    try (SyncOutcome streamed = synchronizer.run(source, SyncMode.DRY_RUN)) {
      assertThat(streamed.plan().render()).isEqualTo(whole.render());
    }
  }

  private UUID idOf(String userName) {
    return memory.users.values().stream()
        .filter(u -> u.userName().equals(userName))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private SourceSettings source(PolicySettings.Deletion deletion, String anchor) {
    return source(deletion, anchor, 50);
  }

  private SourceSettings source(PolicySettings.Deletion deletion, String anchor, int percent) {
    return generated.source(READ_PAGE, deletion, anchor, percent);
  }

  /** The store, counting how many keys a lookup asks about and how long a page of leavers is. */
  private static final class CountingStore implements SyncStore {
    final AtomicInteger largestLookup = new AtomicInteger();
    final AtomicInteger largestUnseenPage = new AtomicInteger();
    final Set<UUID> groupsRead = new java.util.HashSet<>();
    private final MemoryStore store;

    CountingStore(MemoryStore store) {
      this.store = store;
    }

    private <T extends Collection<?>> T counted(T keys) {
      largestLookup.accumulateAndGet(keys.size(), Math::max);
      return keys;
    }

    @Override
    public SyncWorkspace open(String source) {
      SyncWorkspace work = store.open(source);
      return new SyncWorkspace() {
        @Override
        public Set<String> see(Collection<String> anchors) {
          return work.see(anchors);
        }

        @Override
        public Set<String> seen(Collection<String> anchors) {
          return work.seen(anchors);
        }

        @Override
        public void claim(Collection<String> keys) {
          work.claim(keys);
        }

        @Override
        public Set<String> claimed(Collection<String> keys) {
          return work.claimed(keys);
        }

        @Override
        public void forEachUnseen(int pageSize, Consumer<List<StoredUser>> page) {
          work.forEachUnseen(
              pageSize,
              users -> {
                largestUnseenPage.accumulateAndGet(users.size(), Math::max);
                page.accept(users);
              });
        }

        @Override
        public void add(SyncPlan part) {
          work.add(part);
        }

        @Override
        public void forEachBatch(int batchSize, Consumer<SyncPlan> batch) {
          work.forEachBatch(batchSize, batch);
        }

        @Override
        public void forEachLine(Consumer<String> line) {
          work.forEachLine(line);
        }

        @Override
        public void close() {
          work.close();
        }
      };
    }

    @Override
    public Map<String, StoredUser> usersByAnchor(String source, Collection<String> anchors) {
      return store.usersByAnchor(source, counted(anchors));
    }

    @Override
    public Map<String, StoredMember> membersByDn(String source, Collection<String> dns) {
      return store.membersByDn(source, counted(dns));
    }

    @Override
    public Map<String, StoredMember> membersByUserName(String source, Collection<String> keys) {
      return store.membersByUserName(source, counted(keys));
    }

    @Override
    public Map<String, NameHolder> nameHolders(String source, Collection<String> keys) {
      return store.nameHolders(source, counted(keys));
    }

    @Override
    public List<StoredGroup> groups(String source) {
      return store.groups(source);
    }

    @Override
    public HeldCounts held(String source) {
      return store.held(source);
    }

    @Override
    public int heldMemberships(String source) {
      return store.heldMemberships(source);
    }

    @Override
    public Set<UUID> groupsWithMemberships(String source) {
      return store.groupsWithMemberships(source);
    }

    @Override
    public List<StoredMembership> memberships(String source, Collection<UUID> groupIds) {
      groupsRead.addAll(groupIds);
      return store.memberships(source, groupIds);
    }

    @Override
    public void refreshHeldDigests(String source) {
      store.refreshHeldDigests(source);
    }

    @Override
    public void apply(String source, SyncPlan batch) {
      store.apply(source, batch);
    }

    @Override
    public Optional<String> cursor(String source) {
      return store.cursor(source);
    }

    @Override
    public void saveCursor(String source, String cursor) {
      store.saveCursor(source, cursor);
    }
  }
}
