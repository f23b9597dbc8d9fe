package dev.roster.sync.port;

import dev.roster.sync.plan.SyncPlan;

/** Where plan batches go. */
public interface PlanWriter {
  /**
   * Applies one batch of a plan in one transaction: users, then groups, then memberships. Anchors
   * in the batch that name users or groups created earlier in the same run are resolved by the
   * store.
   */
  void apply(String source, SyncPlan batch);
}
