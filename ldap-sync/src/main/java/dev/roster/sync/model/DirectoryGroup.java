package dev.roster.sync.model;

import java.util.Set;

/**
 * A group entry as read, keyed by its stable anchor, with its membership values as the directory
 * states them: DNs ({@code member}, {@code uniqueMember}) or userNames ({@code memberUid}).
 * Resolving them to users and groups is the planner's job.
 */
public record DirectoryGroup(String anchor, String dn, String name, Set<String> memberValues) {
  public DirectoryGroup {
    memberValues = Set.copyOf(memberValues);
  }
}
