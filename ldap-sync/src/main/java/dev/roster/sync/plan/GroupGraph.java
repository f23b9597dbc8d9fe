package dev.roster.sync.plan;

import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryUser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

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
    MemberIndex index = new MemberIndex(directory.groups(), membership, nested);
    Map<String, Set<String>> directUsers = new HashMap<>();
    directory.groups().forEach(group -> directUsers.put(group.anchor(), new HashSet<>()));
    Set<String> seen = new HashSet<>();
    for (DirectoryUser user : directory.users()) {
      if (seen.add(user.anchor())) {
        Set<String> memberOf = directory.memberOfByUserAnchor().get(user.anchor());
        for (String group : index.groupsOf(user, memberOf)) {
          directUsers.get(group).add(user.anchor());
        }
      }
    }
    Map<String, Set<String>> resolved =
        nested ? transitive(directUsers, index.memberGroups()) : directUsers;
    Map<String, SortedSet<String>> sorted = new HashMap<>();
    resolved.forEach((group, anchors) -> sorted.put(group, unmodifiableSorted(anchors)));
    return new GroupGraph(directory, sorted);
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

  private static SortedSet<String> unmodifiableSorted(Set<String> anchors) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(anchors));
  }

  /**
   * Tarjan's strongly connected components, iteratively so that a long chain of nested groups
   * cannot overflow the stack. Tarjan completes a component only after every component it reaches,
   * so a component holds its own direct users plus those of the components it points to, which are
   * already resolved; every group of a cycle is one component and gets the same union.
   */
  static <T> Map<String, Set<T>> transitive(
      Map<String, Set<T>> directUsers, Map<String, Set<String>> memberGroups) {
    Map<String, Set<T>> resolved = new HashMap<>();
    Map<String, Integer> order = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    Set<String> roots = new TreeSet<>(memberGroups.keySet());
    roots.addAll(directUsers.keySet());
    for (String root : roots) {
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
    return new Visit(group, memberGroups.getOrDefault(group, Set.of()).iterator());
  }

  private static <T> void complete(
      String root,
      Deque<String> stack,
      Set<String> onStack,
      Map<String, Set<T>> directUsers,
      Map<String, Set<String>> memberGroups,
      Map<String, Set<T>> resolved) {
    List<String> component = new ArrayList<>();
    String group;
    do {
      group = stack.pop();
      onStack.remove(group);
      component.add(group);
    } while (!group.equals(root));
    Set<T> users = new HashSet<>();
    for (String member : component) {
      users.addAll(directUsers.getOrDefault(member, Set.of()));
      for (String child : memberGroups.getOrDefault(member, Set.of())) {
        users.addAll(resolved.getOrDefault(child, Set.of()));
      }
    }
    Set<T> shared = Collections.unmodifiableSet(users);
    component.forEach(member -> resolved.put(member, shared));
  }

  private record Visit(String group, Iterator<String> next) {}
}
