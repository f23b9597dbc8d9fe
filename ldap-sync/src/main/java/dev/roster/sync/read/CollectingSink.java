package dev.roster.sync.read;

import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryUser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ReadSink} that keeps everything: for reads whose whole result is wanted in memory (an
 * incremental read's changes, one user looked up, tests).
 */
final class CollectingSink implements ReadSink {
  private final Map<String, DirectoryUser> users = new LinkedHashMap<>();
  private final Map<String, Set<String>> memberOf = new HashMap<>();
  private List<DirectoryGroup> groups = List.of();

  @Override
  public void groups(List<DirectoryGroup> read) {
    groups = List.copyOf(read);
  }

  @Override
  public Set<String> users(List<DirectoryUser> page, Map<String, Set<String>> pageMemberOf) {
    Set<String> again = new HashSet<>();
    for (DirectoryUser user : page) {
      if (users.putIfAbsent(user.anchor(), user) != null) {
        again.add(user.anchor());
      }
    }
    memberOf.putAll(pageMemberOf);
    return again;
  }

  List<DirectoryUser> users() {
    return List.copyOf(users.values());
  }

  List<DirectoryGroup> groups() {
    return groups;
  }

  DirectoryContent content(int skippedEntries) {
    return new DirectoryContent(users(), groups, memberOf, skippedEntries);
  }
}
