package dev.roster.sync.model;

import java.util.List;
import java.util.Set;

/**
 * What one incremental read of a source returned: the user entries that changed since the cursor,
 * the anchors of user entries the directory says are gone (only content synchronization knows;
 * modifyTimestamp never shows a delete), and all of the source's groups, read in full so that
 * memberships and nesting resolve exactly. DNs are normalised as in {@link DirectoryContent}.
 *
 * @param deletedUserAnchors anchors as the directory sent them; they may name entries the source
 *     never held (a deleted group, an entry outside the filter)
 */
public record DirectoryDelta(
    List<DirectoryUser> changedUsers,
    Set<String> deletedUserAnchors,
    List<DirectoryGroup> groups,
    int skippedEntries) {
  public DirectoryDelta {
    changedUsers = List.copyOf(changedUsers);
    deletedUserAnchors = Set.copyOf(deletedUserAnchors);
    groups = List.copyOf(groups);
  }
}
