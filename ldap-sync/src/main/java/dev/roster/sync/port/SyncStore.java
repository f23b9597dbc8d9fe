package dev.roster.sync.port;

import dev.roster.sync.plan.SyncPlan;
import java.util.Collection;
import java.util.Optional;

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

  /**
   * Where the source's next incremental run starts: the cursor the last successful run saved, or
   * empty (the run is then a full one). Opaque to the store: a string of at most 4,000 characters.
   */
  Optional<String> cursor(String source);

  /**
   * Keeps {@code cursor} as the source's cursor, replacing the one before. Called only after a
   * run's plan was applied completely, never after a dry, blocked or failed run.
   */
  void saveCursor(String source, String cursor);
}
