package dev.roster.sync.port;

import java.util.Optional;

/**
 * What the synchronizer needs from Roster's store, in the synchronizer's own types. The server
 * implements it; this module knows nothing of how.
 */
public interface SyncStore extends StoreLookup, PlanWriter {
  /**
   * A new, empty workspace for one run of {@code source}; one left by an earlier run is dropped.
   */
  SyncWorkspace open(String source);

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

  /**
   * Brings up to date the digest of what each group holds with this source's origin ({@link
   * StoredGroup#heldDigest}), for the groups whose digest is missing or older than the group.
   * Called after a plan was applied, so that the next run skips the groups it left as the directory
   * wants.
   */
  void refreshHeldDigests(String source);
}
