package dev.roster.sync.plan;

import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryNames;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.port.NameHolder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The groups of one read, indexed the other way round: for each value a group lists that can name a
 * user (a DN, or a userName for {@code memberUid}), the groups that list it. A user then finds its
 * groups as it is read, so that resolving memberships needs the groups in memory, never every user.
 * A value that names a group of the read is nesting instead ({@link #memberGroups}); a value that
 * names neither is outside the source's scope and matches nothing.
 */
final class MemberIndex {
  /** {@code uniqueMember} values may end in an optional unique id: {@code dn#'0101'B}. */
  private static final Pattern OPTIONAL_UID = Pattern.compile("#'[01]*'B$");

  private final Membership membership;
  private final Map<String, String> groupByDn = new HashMap<>();
  private final Map<String, List<String>> groupsByMemberKey;
  private final Map<String, Set<String>> memberGroups = new HashMap<>();

  MemberIndex(Collection<DirectoryGroup> groups, Membership membership, boolean nested) {
    this.membership = membership;
    // Sized for every value at once: growing a map of 400,000 keys step by step rehashes them all
    // several times over.
    int values = 0;
    for (DirectoryGroup group : groups) {
      values += group.memberValues().size();
    }
    groupsByMemberKey = new HashMap<>(Math.max(16, values / 3 * 4 + 1));
    for (DirectoryGroup group : groups) {
      groupByDn.putIfAbsent(dn(group.dn()), group.anchor());
    }
    for (DirectoryGroup group : groups) {
      Set<String> nestedGroups = memberGroups.computeIfAbsent(group.anchor(), a -> new HashSet<>());
      for (String value : group.memberValues()) {
        String dn = value.contains("=") ? dn(value) : null;
        String memberGroup = dn == null ? null : groupByDn.get(dn);
        String key = null;
        if (memberGroup != null) {
          if (nested && !memberGroup.equals(group.anchor())) {
            nestedGroups.add(memberGroup);
          }
        } else if (membership == Membership.MEMBER_UID) {
          key = NameHolder.key(value.trim());
        } else if (membership != Membership.MEMBER_OF) {
          key = dn;
        }
        if (key != null) {
          List<String> holders = groupsByMemberKey.computeIfAbsent(key, k -> new ArrayList<>(1));
          if (!holders.contains(group.anchor())) {
            holders.add(group.anchor());
          }
        }
      }
    }
  }

  /**
   * The key under which group values name {@code user}: its userName key for {@code memberUid}, its
   * DN otherwise; null for {@code memberOf}, where the user names its groups.
   */
  String keyOf(DirectoryUser user) {
    return switch (membership) {
      case MEMBER_UID -> NameHolder.key(user.userName());
      case MEMBER_OF -> null;
      default -> user.dn() == null ? null : dn(user.dn());
    };
  }

  /** The anchors of the groups that hold {@code user} directly. */
  Set<String> groupsOf(DirectoryUser user, Set<String> memberOfDns) {
    Set<String> groups = new LinkedHashSet<>();
    if (membership == Membership.MEMBER_OF) {
      for (String groupDn : memberOfDns == null ? Set.<String>of() : memberOfDns) {
        String group = groupByDn.get(dn(groupDn));
        if (group != null) {
          groups.add(group);
        }
      }
    } else {
      String key = keyOf(user);
      if (key != null) {
        groups.addAll(groupsByMemberKey.getOrDefault(key, List.of()));
      }
    }
    return groups;
  }

  /** Every key a group value names a user by. */
  Set<String> memberKeys() {
    return groupsByMemberKey.keySet();
  }

  List<String> groupsByKey(String key) {
    return groupsByMemberKey.getOrDefault(key, List.of());
  }

  /** For each group, the groups it holds (empty unless nesting is on). */
  Map<String, Set<String>> memberGroups() {
    return memberGroups;
  }

  private static String dn(String value) {
    // What the reader hands over is normal already, which normalize sees without parsing.
    return value.indexOf('#') < 0
        ? DirectoryNames.normalize(value)
        : DirectoryNames.normalize(OPTIONAL_UID.matcher(value.trim()).replaceFirst(""));
  }
}
