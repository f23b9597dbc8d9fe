package dev.roster.sync.port;

import java.util.Set;
import java.util.UUID;

/**
 * A group the sync writes memberships into: a mirror of a directory group of this source ({@code
 * anchor} set), or a local group whose {@code ldapGroupNames} name directory groups. {@code
 * heldDigest} is the {@link MemberDigest} of the users it holds with this source's origin, when the
 * store knows it for the group as it is now (else null: its memberships must be read).
 */
public record StoredGroup(
    UUID id, String anchor, String displayName, Set<String> ldapGroupNames, String heldDigest) {
  public StoredGroup {
    ldapGroupNames = Set.copyOf(ldapGroupNames);
  }

  /** A group whose held memberships the store has no digest of. */
  public StoredGroup(UUID id, String anchor, String displayName, Set<String> ldapGroupNames) {
    this(id, anchor, displayName, ldapGroupNames, null);
  }

  public boolean isMirror() {
    return anchor != null;
  }
}
