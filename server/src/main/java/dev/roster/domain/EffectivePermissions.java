package dev.roster.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A user's effective permissions: its entitlements (granted directly) and the permissions of every
 * group it is in, directly or through nested groups; each once, compared ignoring case as
 * entitlements are.
 */
public final class EffectivePermissions {
  private EffectivePermissions() {}

  public static List<String> of(User user, List<String> fromGroups) {
    Set<String> seen = new HashSet<>();
    List<String> all = new ArrayList<>();
    for (MultiValue entitlement : user.details().entitlements()) {
      add(entitlement.value(), seen, all);
    }
    fromGroups.forEach(p -> add(p, seen, all));
    return all;
  }

  private static void add(String permission, Set<String> seen, List<String> all) {
    if (permission != null && seen.add(permission.toLowerCase(Locale.ROOT))) {
      all.add(permission);
    }
  }
}
