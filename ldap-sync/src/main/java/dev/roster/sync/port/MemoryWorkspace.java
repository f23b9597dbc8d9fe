package dev.roster.sync.port;

import dev.roster.sync.apply.Applier;
import dev.roster.sync.plan.Conflict;
import dev.roster.sync.plan.GroupChange;
import dev.roster.sync.plan.MembershipChange;
import dev.roster.sync.plan.PlanOrder;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.plan.UserChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link SyncWorkspace} in memory, for runs over a snapshot ({@code Planner.plan}) and tests.
 * {@link #plan()} is everything added, each kind sorted in apply order.
 */
public final class MemoryWorkspace implements SyncWorkspace {
  private final String source;
  private final Supplier<Collection<StoredUser>> users;
  private final Set<String> seen = new HashSet<>();
  private final Set<String> claimed = new HashSet<>();
  private final List<UserChange> userChanges = new ArrayList<>();
  private final List<GroupChange> groupChanges = new ArrayList<>();
  private final List<MembershipChange> membershipChanges = new ArrayList<>();
  private final List<Conflict> conflicts = new ArrayList<>();

  /**
   * @param users the source's stored users, asked for when the unseen ones are
   */
  public MemoryWorkspace(String source, Supplier<Collection<StoredUser>> users) {
    this.source = source;
    this.users = users;
  }

  @Override
  public Set<String> see(Collection<String> anchors) {
    Set<String> again = new HashSet<>();
    for (String anchor : anchors) {
      if (!seen.add(anchor)) {
        again.add(anchor);
      }
    }
    return again;
  }

  @Override
  public Set<String> seen(Collection<String> anchors) {
    Set<String> result = new HashSet<>(anchors);
    result.retainAll(seen);
    return result;
  }

  @Override
  public void claim(Collection<String> userNameKeys) {
    claimed.addAll(userNameKeys);
  }

  @Override
  public Set<String> claimed(Collection<String> userNameKeys) {
    Set<String> result = new HashSet<>(userNameKeys);
    result.retainAll(claimed);
    return result;
  }

  @Override
  public void forEachUnseen(int pageSize, Consumer<List<StoredUser>> page) {
    List<StoredUser> unseen = new ArrayList<>();
    for (StoredUser user : users.get()) {
      if (!seen.contains(user.anchor())) {
        unseen.add(user);
      }
    }
    unseen.sort(Comparator.comparing(StoredUser::anchor));
    for (int from = 0; from < unseen.size(); from += pageSize) {
      page.accept(List.copyOf(unseen.subList(from, Math.min(unseen.size(), from + pageSize))));
    }
  }

  @Override
  public void add(SyncPlan part) {
    userChanges.addAll(part.users());
    groupChanges.addAll(part.groups());
    membershipChanges.addAll(part.memberships());
    conflicts.addAll(part.conflicts());
  }

  /** Everything added, each kind in apply order and then by value, conflicts by userName. */
  public SyncPlan plan() {
    List<Conflict> sortedConflicts = new ArrayList<>(conflicts);
    sortedConflicts.sort(
        Comparator.comparing(Conflict::userName).thenComparing(Conflict::toString));
    return new SyncPlan(
        source,
        PlanOrder.sorted(userChanges),
        PlanOrder.sorted(groupChanges),
        PlanOrder.sorted(membershipChanges),
        sortedConflicts);
  }

  @Override
  public void forEachBatch(int batchSize, Consumer<SyncPlan> batch) {
    Applier.batches(plan(), batchSize).forEach(batch);
  }

  @Override
  public void forEachLine(Consumer<String> line) {
    String rendered = plan().render();
    if (!rendered.isEmpty()) {
      rendered.lines().forEach(line);
    }
  }

  @Override
  public void close() {
    seen.clear();
    claimed.clear();
    userChanges.clear();
    groupChanges.clear();
    membershipChanges.clear();
    conflicts.clear();
  }
}
