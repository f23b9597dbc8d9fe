package dev.roster.sync.port;

import dev.roster.sync.plan.SyncPlan;
import java.util.Collection;

/**
 * What the synchronizer needs from Roster's store, in the synchronizer's own types. The server
 * implements it; this module knows nothing of how.
 */
public interface SyncStore {
  /**
   * The store's view of a source. {@code directoryUserNames} are the userNames the read found, so
   * that conflicts with local users can be looked up without loading every user.
   */
  StoreView view(String source, Collection<String> directoryUserNames);

  /**
   * Applies one batch of a plan in one transaction: users, then groups, then memberships. Anchors
   * in the batch that name users or groups created earlier in the same run are resolved by the
   * store.
   */
  void apply(String source, SyncPlan batch);
}
