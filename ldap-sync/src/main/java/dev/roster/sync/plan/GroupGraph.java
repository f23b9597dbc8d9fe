package dev.roster.sync.plan;

import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryNames;
import dev.roster.sync.model.DirectoryUser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which users each directory group holds, resolved locally from the one list of groups a read
 * returned — never by a query per group. A member value names a user (by DN, or by userName for
 * {@code memberUid}) or, for nesting, another group by DN; a value that names neither is outside
 * the source's scope and is ignored. With nesting on, a group holds the users of every group it
 * reaches; groups in a cycle ({@code A → B → A}) all hold the union of the cycle.
 *
 * <pre>{@code
 * GroupGraph graph = GroupGraph.resolve(directory, Membership.MEMBER, true);
 * graph.usersOf(engineering.anchor()); // anchors of its direct and nested users, sorted
 * }</pre>
 */
public final class GroupGraph {
  /** {@code uniqueMember} values may end in an optional unique id: {@code dn#'0101'B}. */
  private static final Pattern OPTIONAL_UID = Pattern.compile("#'[01]*'B$");

  private final DirectoryContent directory;
  private final Map<String, SortedSet<String>> usersByGroupAnchor;

  private GroupGraph(
      DirectoryContent directory, Map<String, SortedSet<String>> usersByGroupAnchor) {
    this.directory = directory;
    this.usersByGroupAnchor = Collections.unmodifiableMap(usersByGroupAnchor);
  }

  /** Resolves every group of {@code directory} to the anchors of the users it holds. */
  public static GroupGraph resolve(
      DirectoryContent directory, Membership membership, boolean nested) {
    Index index = new Index(directory);
    Map<String, Set<String>> directUsers = new HashMap<>();
    Map<String, Set<String>> memberGroups = new HashMap<>();
    for (DirectoryGroup group : directory.groups()) {
      Set<String> users = directUsers.computeIfAbsent(group.anchor(), a -> new HashSet<>());
      Set<String> groups = memberGroups.computeIfAbsent(group.anchor(), a -> new HashSet<>());
      for (String value : group.memberValues()) {
        String dn = value.contains("=") ? index.canonical(value) : null;
        String memberGroup = dn == null ? null : index.groupByDn.get(dn);
        if (memberGroup != null) {
          if (nested && !memberGroup.equals(group.anchor())) {
            groups.add(memberGroup);
          }
        } else if (membership == Membership.MEMBER_UID) {
          addIfKnown(users, index.userByName.get(value.trim().toLowerCase(Locale.ROOT)));
        } else if (membership != Membership.MEMBER_OF) {
          addIfKnown(users, dn == null ? null : index.userByDn.get(dn));
        }
      }
    }
    if (membership == Membership.MEMBER_OF) {
      addMemberOf(directory, index, directUsers);
    }
    Map<String, SortedSet<String>> resolved =
        nested ? transitive(directUsers, memberGroups) : sorted(directUsers);
    return new GroupGraph(directory, resolved);
  }

  /** The anchors of the users in the group with this anchor; empty for an unknown group. */
  public SortedSet<String> usersOf(String groupAnchor) {
    return usersByGroupAnchor.getOrDefault(groupAnchor, Collections.emptySortedSet());
  }

  public Map<String, SortedSet<String>> usersByGroupAnchor() {
    return usersByGroupAnchor;
  }

  /** One line per group, {@code name: userName, userName}, sorted: what tests compare. */
  public String render() {
    Map<String, String> userNames = new HashMap<>();
    for (DirectoryUser user : directory.users()) {
      userNames.put(user.anchor(), user.userName());
    }
    List<String> lines = new ArrayList<>();
    for (DirectoryGroup group : directory.groups()) {
      List<String> names = new ArrayList<>();
      usersOf(group.anchor()).forEach(anchor -> names.add(userNames.get(anchor)));
      names.sort(null);
      lines.add(group.name() + ": " + (names.isEmpty() ? "-" : String.join(", ", names)));
    }
    lines.sort(null);
    return String.join("\n", lines);
  }

  private static String normalizeMember(String value) {
    return DirectoryNames.normalize(OPTIONAL_UID.matcher(value.trim()).replaceFirst(""));
  }

  private static void addIfKnown(Set<String> users, String anchor) {
    if (anchor != null) {
      users.add(anchor);
    }
  }

  /** {@code memberOf} is read from the users: each names the groups that hold it. */
  private static void addMemberOf(
      DirectoryContent directory, Index index, Map<String, Set<String>> directUsers) {
    for (Map.Entry<String, Set<String>> entry : directory.memberOfByUserAnchor().entrySet()) {
      if (!index.userAnchors.contains(entry.getKey())) {
        continue;
      }
      for (String groupDn : entry.getValue()) {
        String group = index.groupByDn.get(DirectoryNames.normalize(groupDn));
        if (group != null) {
          directUsers.get(group).add(entry.getKey());
        }
      }
    }
  }

  private static Map<String, SortedSet<String>> sorted(Map<String, Set<String>> users) {
    Map<String, SortedSet<String>> result = new HashMap<>();
    users.forEach((group, anchors) -> result.put(group, unmodifiableSorted(anchors)));
    return result;
  }

  private static SortedSet<String> unmodifiableSorted(Set<String> anchors) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(anchors));
  }

  /**
   * Tarjan's strongly connected components, iteratively so that a long chain of nested groups
   * cannot overflow the stack. Tarjan completes a component only after every component it reaches,
   * so a component holds its own direct users plus those of the components it points to, which are
   * already resolved; every group of a cycle is one component and gets the same union.
   */
  private static Map<String, SortedSet<String>> transitive(
      Map<String, Set<String>> directUsers, Map<String, Set<String>> memberGroups) {
    Map<String, SortedSet<String>> resolved = new HashMap<>();
    Map<String, Integer> order = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    for (String root : new TreeSet<>(directUsers.keySet())) {
      if (order.containsKey(root)) {
        continue;
      }
      Deque<Visit> visits = new ArrayDeque<>();
      visits.push(enter(root, order, low, stack, onStack, memberGroups));
      while (!visits.isEmpty()) {
        Visit visit = visits.peek();
        if (visit.next.hasNext()) {
          String child = visit.next.next();
          if (!order.containsKey(child)) {
            visits.push(enter(child, order, low, stack, onStack, memberGroups));
          } else if (onStack.contains(child)) {
            low.merge(visit.group, order.get(child), Math::min);
          }
          continue;
        }
        visits.pop();
        if (!visits.isEmpty()) {
          low.merge(visits.peek().group, low.get(visit.group), Math::min);
        }
        if (low.get(visit.group).equals(order.get(visit.group))) {
          complete(visit.group, stack, onStack, directUsers, memberGroups, resolved);
        }
      }
    }
    return resolved;
  }

  private static Visit enter(
      String group,
      Map<String, Integer> order,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      Map<String, Set<String>> memberGroups) {
    order.put(group, order.size());
    low.put(group, order.get(group));
    stack.push(group);
    onStack.add(group);
    return new Visit(group, memberGroups.get(group).iterator());
  }

  private static void complete(
      String root,
      Deque<String> stack,
      Set<String> onStack,
      Map<String, Set<String>> directUsers,
      Map<String, Set<String>> memberGroups,
      Map<String, SortedSet<String>> resolved) {
    List<String> component = new ArrayList<>();
    String group;
    do {
      group = stack.pop();
      onStack.remove(group);
      component.add(group);
    } while (!group.equals(root));
    Set<String> users = new HashSet<>();
    for (String member : component) {
      users.addAll(directUsers.get(member));
      for (String child : memberGroups.get(member)) {
        users.addAll(resolved.getOrDefault(child, Collections.emptySortedSet()));
      }
    }
    SortedSet<String> shared = unmodifiableSorted(users);
    component.forEach(member -> resolved.put(member, shared));
  }

  private record Visit(String group, Iterator<String> next) {}

  /** The users and groups of one read, by the keys member values use. */
  private static final class Index {
    final Map<String, String> userByDn = new HashMap<>();
    final Map<String, String> userByName = new HashMap<>();
    final Map<String, String> groupByDn = new HashMap<>();
    final Set<String> userAnchors = new HashSet<>();

    Index(DirectoryContent directory) {
      for (DirectoryUser user : directory.users()) {
        userAnchors.add(user.anchor());
        userByDn.putIfAbsent(DirectoryNames.normalize(user.dn()), user.anchor());
        if (user.userName() != null) {
          userByName.putIfAbsent(user.userName().toLowerCase(Locale.ROOT), user.anchor());
        }
      }
      for (DirectoryGroup group : directory.groups()) {
        groupByDn.putIfAbsent(DirectoryNames.normalize(group.dn()), group.anchor());
      }
    }

    /** The reader hands DNs over normalised already; parse again only what matches nothing. */
    String canonical(String value) {
      return userByDn.containsKey(value) || groupByDn.containsKey(value)
          ? value
          : normalizeMember(value);
    }
  }
}
