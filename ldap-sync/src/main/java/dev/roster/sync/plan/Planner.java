package dev.roster.sync.plan;

import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryDelta;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.plan.MembershipChange.Ref;
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMembership;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Decides what one run changes: the directory's content against the store's view of the source,
 * users and groups matched by their stable anchor (so a renamed or moved entry is an update), and
 * the memberships of origin {@code LDAP:<source>} the directory implies against those the store
 * holds. Pure: no I/O, and the same inputs always give the same plan, in the same order.
 *
 * <pre>{@code
 * SyncPlan plan = new Planner().plan(source, reader.read(source), store.view(source.name(), names));
 * System.out.println(plan.render());
 * }</pre>
 *
 * <p>Memberships the store holds from other origins (manual ones) are not in the view, so they are
 * never removed. Memberships of users or groups this plan deletes are left to the store's cascade.
 */
public final class Planner {
  /** Applying in this order frees a userName or group name before another change takes it. */
  private static final List<Class<?>> ORDER =
      List.of(
          UserChange.Delete.class,
          UserChange.Disable.class,
          UserChange.Update.class,
          UserChange.Enable.class,
          UserChange.Adopt.class,
          UserChange.Create.class,
          GroupChange.Delete.class,
          GroupChange.Rename.class,
          GroupChange.Create.class,
          MembershipChange.Remove.class,
          MembershipChange.Add.class);

  public SyncPlan plan(SourceSettings source, DirectoryContent directory, StoreView store) {
    UserPlanner users = new UserPlanner(source, store);
    users.plan(directory.users());
    return plan(source, directory, store, users);
  }

  /**
   * The plan of an incremental read: user creates, updates, enables and disables for the changed
   * entries only, disables or deletes for the anchors the directory named as deleted (never for a
   * user merely absent from the delta), and the memberships of every group recomputed from the full
   * group read, member DNs resolved through the changed users and the store's users ({@link
   * DeltaContent#assumed}).
   */
  public SyncPlan planIncremental(SourceSettings source, DirectoryDelta delta, StoreView store) {
    UserPlanner users = new UserPlanner(source, store);
    users.planChanges(delta.changedUsers(), delta.deletedUserAnchors());
    return plan(source, DeltaContent.assumed(delta, store), store, users);
  }

  private static SyncPlan plan(
      SourceSettings source, DirectoryContent directory, StoreView store, UserPlanner users) {
    boolean mirror = source.mapping().mirrorGroups();
    List<GroupChange> groups = new ArrayList<>();
    Map<String, Ref> mirrorRefs = new HashMap<>();
    Set<UUID> deletedGroups = new HashSet<>();
    List<Conflict> groupConflicts = new ArrayList<>();
    if (mirror) {
      planGroups(directory, store, groups, mirrorRefs, deletedGroups, groupConflicts);
    }
    Set<Pair> desired =
        desiredMemberships(source, directory, store, users.refsByAnchor, mirrorRefs);
    List<MembershipChange> memberships = new ArrayList<>();
    Set<Pair> held = new HashSet<>();
    for (StoredMembership membership : store.memberships()) {
      Pair pair = new Pair(Ref.id(membership.groupId()), Ref.id(membership.userId()));
      held.add(pair);
      boolean cascades =
          users.deletedIds.contains(membership.userId())
              || deletedGroups.contains(membership.groupId());
      if (!desired.contains(pair) && !cascades) {
        memberships.add(new MembershipChange.Remove(pair.group(), pair.user()));
      }
    }
    for (Pair pair : desired) {
      if (!held.contains(pair)) {
        memberships.add(new MembershipChange.Add(pair.group(), pair.user()));
      }
    }
    List<Conflict> conflicts = new ArrayList<>(users.conflicts);
    conflicts.addAll(groupConflicts);
    conflicts.sort(Comparator.comparing(Conflict::userName).thenComparing(Conflict::toString));
    return new SyncPlan(
        source.name(), sorted(users.changes), sorted(groups), sorted(memberships), conflicts);
  }

  private static void planGroups(
      DirectoryContent directory,
      StoreView store,
      List<GroupChange> changes,
      Map<String, Ref> refs,
      Set<UUID> deleted,
      List<Conflict> conflicts) {
    Map<String, StoredGroup> mirrors = new HashMap<>();
    // Group names are unique ignoring case: a directory group whose name a local group (or
    // another directory group) already has is reported, not created, so the run goes on.
    Set<String> taken = new HashSet<>();
    for (StoredGroup group : store.groups()) {
      if (group.isMirror()) {
        mirrors.put(group.anchor(), group);
      } else {
        taken.add(UserPlanner.key(group.displayName()));
      }
    }
    for (DirectoryGroup group : directory.groups()) {
      StoredGroup existing = mirrors.remove(group.anchor());
      if (existing == null) {
        if (!taken.add(UserPlanner.key(group.name()))) {
          conflicts.add(new Conflict(group.name(), group.dn(), "group", "skipped"));
          continue;
        }
        changes.add(new GroupChange.Create(group));
        refs.put(group.anchor(), Ref.anchor(group.anchor()));
      } else {
        taken.add(UserPlanner.key(existing.displayName()));
        if (!Objects.equals(existing.displayName(), group.name())) {
          changes.add(new GroupChange.Rename(existing.id(), group));
        }
        refs.put(group.anchor(), Ref.id(existing.id()));
      }
    }
    for (StoredGroup gone : mirrors.values()) {
      changes.add(new GroupChange.Delete(gone.id(), gone.displayName()));
      deleted.add(gone.id());
    }
  }

  /**
   * Every (group, user) pair the directory implies: each mirror group holds its directory group's
   * users, and (DSS behaviour) each store group whose {@code ldapGroupNames} name a directory group
   * holds that group's users. Users without a ref (skipped by a conflict) get none.
   */
  private static Set<Pair> desiredMemberships(
      SourceSettings source,
      DirectoryContent directory,
      StoreView store,
      Map<String, Ref> userRefs,
      Map<String, Ref> mirrorRefs) {
    Set<Pair> desired = new LinkedHashSet<>();
    GroupSettings settings = source.groups();
    if (settings == null || directory.groups().isEmpty()) {
      return desired;
    }
    GroupSettings.Membership membership =
        settings.membership() == null ? GroupSettings.Membership.MEMBER : settings.membership();
    GroupGraph graph = GroupGraph.resolve(directory, membership, settings.nested());
    Map<String, List<DirectoryGroup>> byName = new HashMap<>();
    for (DirectoryGroup group : directory.groups()) {
      byName.computeIfAbsent(lower(group.name()), n -> new ArrayList<>()).add(group);
      Ref mirror = mirrorRefs.get(group.anchor());
      if (mirror != null) {
        addAll(desired, mirror, graph.usersOf(group.anchor()), userRefs);
      }
    }
    if (source.mapping().ldapGroupNames()) {
      for (StoredGroup local : store.groups()) {
        for (String name : local.ldapGroupNames()) {
          for (DirectoryGroup group : byName.getOrDefault(lower(name), List.of())) {
            addAll(desired, Ref.id(local.id()), graph.usersOf(group.anchor()), userRefs);
          }
        }
      }
    }
    return desired;
  }

  private static void addAll(
      Set<Pair> desired, Ref group, Set<String> userAnchors, Map<String, Ref> userRefs) {
    for (String anchor : userAnchors) {
      Ref user = userRefs.get(anchor);
      if (user != null) {
        desired.add(new Pair(group, user));
      }
    }
  }

  /** By kind in {@link #ORDER}, then by value, so that equal inputs give equal plans. */
  private static <T> List<T> sorted(List<T> changes) {
    List<T> result = new ArrayList<>(changes);
    result.sort(
        Comparator.<T>comparingInt(change -> ORDER.indexOf(change.getClass()))
            .thenComparing(Object::toString));
    return result;
  }

  private static String lower(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }

  private record Pair(Ref group, Ref user) {}
}
