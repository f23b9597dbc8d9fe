package dev.roster.sync.apply;

import dev.roster.sync.plan.GroupChange;
import dev.roster.sync.plan.MembershipChange;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.plan.UserChange;
import dev.roster.sync.port.PlanWriter;
import dev.roster.sync.port.SyncWorkspace;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a plan through the {@link PlanWriter} port in batches of at most {@code batchSize}
 * changes, each one transaction, so that a run over a large directory never holds one huge
 * transaction. Users go first, then groups, then memberships, so that a membership naming a user or
 * group by the anchor of a create finds it created by an earlier batch (or earlier in its own).
 *
 * <pre>{@code
 * new Applier(store, 500).apply(plan); // ceil(changes / 500) calls of store.apply
 * }</pre>
 *
 * <p>Conflicts are a report, not a change: they stay in the plan and go to no batch. A batch that
 * fails stops the run with the earlier batches applied; the next run plans from what is there.
 */
public final class Applier {
  private static final Logger log = LoggerFactory.getLogger(Applier.class);

  private final PlanWriter store;
  private final int batchSize;

  public Applier(PlanWriter store, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    this.store = store;
    this.batchSize = batchSize;
  }

  /** Applies every batch in order and returns how many there were. */
  public int apply(SyncPlan plan) {
    List<SyncPlan> batches = batches(plan, batchSize);
    for (int i = 0; i < batches.size(); i++) {
      log.debug("sync apply source={} batch={} of={}", plan.source(), i + 1, batches.size());
      store.apply(plan.source(), batches.get(i));
    }
    return batches.size();
  }

  /**
   * Applies the plan a workspace holds, batch by batch as the workspace reads it back, and returns
   * how many batches there were.
   */
  public int apply(String source, SyncWorkspace workspace) {
    int[] batches = {0};
    workspace.forEachBatch(
        batchSize,
        batch -> {
          batches[0]++;
          log.debug("sync apply source={} batch={}", source, batches[0]);
          store.apply(source, batch);
        });
    return batches[0];
  }

  /** The plan cut into consecutive batches of at most {@code batchSize} changes, in apply order. */
  public static List<SyncPlan> batches(SyncPlan plan, int batchSize) {
    List<SyncPlan> batches = new ArrayList<>();
    Batch batch = new Batch();
    List<Object> changes = new ArrayList<>(plan.users());
    changes.addAll(plan.groups());
    changes.addAll(plan.memberships());
    for (Object change : changes) {
      batch.add(change);
      if (batch.size() == batchSize) {
        batches.add(batch.toPlan(plan.source()));
        batch = new Batch();
      }
    }
    if (batch.size() > 0) {
      batches.add(batch.toPlan(plan.source()));
    }
    return batches;
  }

  private static final class Batch {
    final List<UserChange> users = new ArrayList<>();
    final List<GroupChange> groups = new ArrayList<>();
    final List<MembershipChange> memberships = new ArrayList<>();

    void add(Object change) {
      if (change instanceof UserChange user) {
        users.add(user);
      } else if (change instanceof GroupChange group) {
        groups.add(group);
      } else {
        memberships.add((MembershipChange) change);
      }
    }

    int size() {
      return users.size() + groups.size() + memberships.size();
    }

    SyncPlan toPlan(String source) {
      return new SyncPlan(source, users, groups, memberships, List.of());
    }
  }
}
