package dev.roster.sync.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one full read of a source returned: its users, its groups, and for {@code memberOf} sources
 * the groups each user names (by DN).
 */
public record DirectoryContent(
    List<DirectoryUser> users,
    List<DirectoryGroup> groups,
    Map<String, Set<String>> memberOfByUserAnchor) {
  public DirectoryContent {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    memberOfByUserAnchor = Map.copyOf(memberOfByUserAnchor);
  }
}
