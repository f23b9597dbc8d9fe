package dev.roster.directory;

import dev.roster.domain.InProgress;
import dev.roster.store.SyncRunStore;
import dev.roster.store.Transactions;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.port.HeldCounts;
import dev.roster.sync.port.NameHolder;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMember;
import dev.roster.sync.port.StoredMembership;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.port.SyncStore;
import dev.roster.sync.port.SyncWorkspace;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The store as one run sees it: lookups and the workspace pass through (they change nothing a
 * reader of the store sees), and every write first checks, in its own transaction, that the run
 * still holds the source's lease (and extends it). A run that outlived its lease, while another
 * node took the source over, stops at its next batch instead of writing a stale plan.
 */
final class LeasedSyncStore implements SyncStore {
  private final SyncStore store;
  private final Transactions tx;
  private final SyncRunStore runs;
  private final String holder;
  private final Duration lease;

  LeasedSyncStore(
      SyncStore store, Transactions tx, SyncRunStore runs, String holder, Duration lease) {
    this.store = store;
    this.tx = tx;
    this.runs = runs;
    this.holder = holder;
    this.lease = lease;
  }

  @Override
  public SyncWorkspace open(String source) {
    return store.open(source);
  }

  @Override
  public Map<String, StoredUser> usersByAnchor(String source, Collection<String> anchors) {
    return store.usersByAnchor(source, anchors);
  }

  @Override
  public Map<String, StoredMember> membersByDn(String source, Collection<String> dns) {
    return store.membersByDn(source, dns);
  }

  @Override
  public Map<String, StoredMember> membersByUserName(String source, Collection<String> keys) {
    return store.membersByUserName(source, keys);
  }

  @Override
  public Map<String, NameHolder> nameHolders(String source, Collection<String> keys) {
    return store.nameHolders(source, keys);
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
    return store.memberships(source, groupIds);
  }

  @Override
  public void refreshHeldDigests(String source) {
    store.refreshHeldDigests(source);
  }

  @Override
  public void apply(String source, SyncPlan batch) {
    tx.run(
        () -> {
          checkLease(source);
          store.apply(source, batch);
        });
  }

  @Override
  public Optional<String> cursor(String source) {
    return store.cursor(source);
  }

  @Override
  public void saveCursor(String source, String cursor) {
    tx.run(
        () -> {
          checkLease(source);
          store.saveCursor(source, cursor);
        });
  }

  private void checkLease(String source) {
    if (!runs.renewLease(source, holder, lease)) {
      throw new InProgress(
          "this run lost the lease of source '" + source + "' to another run; it stopped");
    }
  }
}
