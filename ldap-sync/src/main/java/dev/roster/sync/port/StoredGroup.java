package dev.roster.sync.port;

import java.util.Set;
import java.util.UUID;

/**
 * A group the sync writes memberships into: a mirror of a directory group of this source ({@code
 * anchor} set), or a local group whose {@code ldapGroupNames} name directory groups.
 */
public record StoredGroup(UUID id, String anchor, String displayName, Set<String> ldapGroupNames) {
  public StoredGroup {
    ldapGroupNames = Set.copyOf(ldapGroupNames);
  }

  public boolean isMirror() {
    return anchor != null;
  }
}
