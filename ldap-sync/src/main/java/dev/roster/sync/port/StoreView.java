package dev.roster.sync.port;

import java.util.List;
import java.util.Map;

/**
 * The store's side of one source before a run: its users (by anchor), the groups it feeds and the
 * memberships it made, and the local (non-LDAP) users whose userNames the directory also uses
 * (conflict candidates), by lower-cased userName.
 */
public record StoreView(
    Map<String, StoredUser> usersByAnchor,
    List<StoredGroup> groups,
    List<StoredMembership> memberships,
    Map<String, LocalUser> localUsersByUserName) {

  /** A LOCAL or LOCAL_NO_AUTH user whose userName a directory entry also has. */
  public record LocalUser(java.util.UUID id, String userName, String source) {}
}
