package dev.roster.domain;

import java.util.List;

/**
 * What Roster's Group extension keeps: a description, whether members administer the tenant, the
 * directory groups the LDAP sync maps into this group, and the permissions it grants.
 */
public record GroupSettings(
    String description, boolean admin, List<String> ldapGroupNames, List<String> permissions) {
  public static final GroupSettings EMPTY = new GroupSettings(null, false, List.of(), List.of());

  public GroupSettings {
    ldapGroupNames = ldapGroupNames == null ? List.of() : List.copyOf(ldapGroupNames);
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
  }
}
