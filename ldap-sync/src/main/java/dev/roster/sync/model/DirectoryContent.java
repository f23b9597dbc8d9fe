package dev.roster.sync.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one full read of a source returned: its users, its groups, and for {@code memberOf} sources
 * the groups each user names (by DN).
 *
 * <p>Every DN in it — {@link DirectoryUser#dn()}, {@link DirectoryGroup#dn()}, the DN-valued {@link
 * DirectoryGroup#memberValues()} ({@code member}, {@code uniqueMember} without its optional {@code
 * #'…'B} unique id) and the {@code memberOf} DNs — is in the one normal form of {@link
 * DirectoryNames#normalize(String)}: RFC 4514 string form, lower case, no spaces around {@code ,},
 * {@code =} and {@code +}, the attribute-value pairs of a multi-valued RDN sorted, so that {@code
 * "UID=Ada, OU=People,DC=demo"} is {@code "uid=ada,ou=people,dc=demo"}. {@code memberUid} values
 * are userNames, kept as the directory gave them.
 *
 * @param skippedEntries entries the read passed over because they had no anchor or no userName (or
 *     a group no name); they are in neither list
 */
public record DirectoryContent(
    List<DirectoryUser> users,
    List<DirectoryGroup> groups,
    Map<String, Set<String>> memberOfByUserAnchor,
    int skippedEntries) {
  public DirectoryContent {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    memberOfByUserAnchor = Map.copyOf(memberOfByUserAnchor);
  }

  /** Content with no skipped entries. */
  public DirectoryContent(
      List<DirectoryUser> users,
      List<DirectoryGroup> groups,
      Map<String, Set<String>> memberOfByUserAnchor) {
    this(users, groups, memberOfByUserAnchor, 0);
  }
}
