package dev.roster.sync.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What planning asks the store about one source, a page at a time: each call answers for the keys
 * it is given (a page of users, a chunk of groups), so that a run never loads every user. The
 * server answers each with one query (or a few chunks); {@link ViewLookup} answers from memory.
 */
public interface StoreLookup {
  /** The source's users with these anchors, by anchor as stored. */
  Map<String, StoredUser> usersByAnchor(String source, Collection<String> anchors);

  /** The source's users whose DN (in the normal form of DirectoryNames) is one of these. */
  Map<String, StoredMember> membersByDn(String source, Collection<String> dns);

  /** The source's users whose userName key (see {@link NameHolder#key}) is one of these. */
  Map<String, StoredMember> membersByUserName(String source, Collection<String> userNameKeys);

  /** Users of any source that hold these userName keys, by key. */
  Map<String, NameHolder> nameHolders(String source, Collection<String> userNameKeys);

  /**
   * Every group of the tenant (groups are few): this source's mirrors, the local groups that name
   * directory groups, and the rest, whose names a mirrored group must not take.
   */
  List<StoredGroup> groups(String source);

  /** The users the source holds before the run: what the safety check compares removals with. */
  HeldCounts held(String source);

  /** The memberships of origin {@code LDAP:<source>} before the run, for the same comparison. */
  int heldMemberships(String source);

  /** The groups holding memberships of origin {@code LDAP:<source>}. */
  Set<UUID> groupsWithMemberships(String source);

  /** The memberships of origin {@code LDAP:<source>} in these groups. */
  List<StoredMembership> memberships(String source, Collection<UUID> groupIds);
}
