package dev.roster.sync;

import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.GroupChange;
import dev.roster.sync.plan.MembershipChange;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.plan.UserChange;
import dev.roster.sync.port.HeldCounts;
import dev.roster.sync.port.MemberDigest;
import dev.roster.sync.port.MemoryWorkspace;
import dev.roster.sync.port.NameHolder;
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMember;
import dev.roster.sync.port.StoredMembership;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.port.SyncStore;
import dev.roster.sync.port.SyncWorkspace;
import dev.roster.sync.port.ViewLookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The port as the server's store is meant to implement it, in memory: what a plan's changes mean,
 * anchors of this run's creates resolved, memberships of deleted users and groups cascaded, and
 * manual memberships kept out of the lookups. Each lookup looks at the store as it is at the time.
 */
public final class MemoryStore implements SyncStore {
  public final Map<UUID, StoredUser> users = new LinkedHashMap<>();
  final Map<UUID, StoredGroup> groups = new LinkedHashMap<>();
  final Map<UUID, StoreView.LocalUser> localUsers = new LinkedHashMap<>();

  /** "groupId userId origin" */
  public final Set<String> memberships = new TreeSet<>();

  /** The cursor of each source, as {@link #saveCursor} last kept it. */
  public final Map<String, String> cursors = new HashMap<>();

  /** Calls to {@link #held} and {@link #heldMemberships}: counting reads all the source holds. */
  public int countsTaken;

  int batches;

  /**
   * Per "groupId origin": the group's membership lines when {@link #refreshHeldDigests} last ran,
   * and their digest. A digest counts only while the lines are the same: what the server's store
   * checks with the group's version.
   */
  private final Map<String, Map.Entry<Set<String>, String>> digests = new HashMap<>();

  @Override
  public void refreshHeldDigests(String source) {
    String origin = "LDAP:" + source;
    for (UUID group : groups.keySet()) {
      Set<String> lines = linesOf(group, origin);
      MemberDigest digest = new MemberDigest();
      lines.forEach(line -> digest.add(UUID.fromString(line.split(" ")[1])));
      digests.put(group + " " + origin, Map.entry(lines, digest.value()));
    }
  }

  private String heldDigest(UUID group, String origin) {
    Map.Entry<Set<String>, String> kept = digests.get(group + " " + origin);
    return kept != null && kept.getKey().equals(linesOf(group, origin)) ? kept.getValue() : null;
  }

  private Set<String> linesOf(UUID group, String origin) {
    Set<String> lines = new TreeSet<>();
    for (String line : memberships) {
      if (line.startsWith(group + " ") && line.endsWith(" " + origin)) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Override
  public Optional<String> cursor(String source) {
    return Optional.ofNullable(cursors.get(source));
  }

  @Override
  public void saveCursor(String source, String cursor) {
    cursors.put(source, cursor);
  }

  @Override
  public SyncWorkspace open(String source) {
    return new MemoryWorkspace(source, () -> List.copyOf(users.values()));
  }

  /** The store as it is now, as a snapshot: what the in-memory planner compares with. */
  public StoreView view(String source) {
    return lookup(source).view();
  }

  /** The store as it is now, every local user included, asked the way the server's is. */
  private ViewLookup lookup(String source) {
    Map<String, StoredUser> byAnchor = new LinkedHashMap<>();
    users.values().forEach(user -> byAnchor.put(user.anchor(), user));
    List<StoredMembership> held = new ArrayList<>();
    for (String membership : memberships) {
      String[] parts = membership.split(" ");
      if (parts[2].equals("LDAP:" + source)) {
        held.add(new StoredMembership(UUID.fromString(parts[0]), UUID.fromString(parts[1])));
      }
    }
    Map<String, StoreView.LocalUser> locals = new HashMap<>();
    localUsers
        .values()
        .forEach(local -> locals.put(local.userName().toLowerCase(Locale.ROOT), local));
    return new ViewLookup(source, new StoreView(byAnchor, withDigests(source), held, locals));
  }

  private List<StoredGroup> withDigests(String source) {
    List<StoredGroup> all = new ArrayList<>();
    for (StoredGroup g : groups.values()) {
      all.add(
          new StoredGroup(
              g.id(),
              g.anchor(),
              g.displayName(),
              g.ldapGroupNames(),
              heldDigest(g.id(), "LDAP:" + source)));
    }
    return all;
  }

  @Override
  public Map<String, StoredUser> usersByAnchor(String source, Collection<String> anchors) {
    return lookup(source).usersByAnchor(source, anchors);
  }

  @Override
  public Map<String, StoredMember> membersByDn(String source, Collection<String> dns) {
    return lookup(source).membersByDn(source, dns);
  }

  @Override
  public Map<String, StoredMember> membersByUserName(String source, Collection<String> keys) {
    return lookup(source).membersByUserName(source, keys);
  }

  @Override
  public Map<String, NameHolder> nameHolders(String source, Collection<String> keys) {
    return lookup(source).nameHolders(source, keys);
  }

  @Override
  public List<StoredGroup> groups(String source) {
    return lookup(source).groups(source);
  }

  @Override
  public HeldCounts held(String source) {
    countsTaken++;
    return lookup(source).held(source);
  }

  @Override
  public int heldMemberships(String source) {
    countsTaken++;
    return lookup(source).heldMemberships(source);
  }

  @Override
  public Set<UUID> groupsWithMemberships(String source) {
    return lookup(source).groupsWithMemberships(source);
  }

  @Override
  public List<StoredMembership> memberships(String source, Collection<UUID> groupIds) {
    return lookup(source).memberships(source, groupIds);
  }

  @Override
  public void apply(String source, SyncPlan batch) {
    batches++;
    batch.users().forEach(this::apply);
    batch.groups().forEach(this::apply);
    for (MembershipChange change : batch.memberships()) {
      String key = groupId(change.group()) + " " + userId(change.user()) + " LDAP:" + source;
      if (change instanceof MembershipChange.Add) {
        memberships.add(key);
      } else {
        memberships.remove(key);
      }
    }
  }

  String userName(UUID id) {
    return users.get(id).userName();
  }

  /** "group: user, user" lines of every membership, with its origin. */
  public String memberships() {
    List<String> lines = new ArrayList<>();
    for (String membership : memberships) {
      String[] parts = membership.split(" ");
      lines.add(
          groups.get(UUID.fromString(parts[0])).displayName()
              + " "
              + userName(UUID.fromString(parts[1]))
              + " "
              + parts[2]);
    }
    lines.sort(null);
    return String.join("\n", lines);
  }

  /**
   * Everything the store holds, without its random ids: users, groups and memberships, one sorted
   * line each. Two stores that went through different runs compare equal when they hold the same.
   */
  public String snapshot() {
    List<String> lines = new ArrayList<>();
    for (StoredUser u : users.values()) {
      lines.add(
          String.join(
              " ",
              "user",
              u.userName(),
              u.anchor(),
              u.dn(),
              String.valueOf(u.givenName()),
              String.valueOf(u.familyName()),
              String.valueOf(u.displayName()),
              String.valueOf(u.email()),
              "active=" + u.active(),
              "left=" + u.disabledBecauseLeft()));
    }
    groups.values().forEach(g -> lines.add("group " + g.displayName() + " " + g.anchor()));
    lines.sort(null);
    return String.join("\n", lines) + "\n" + memberships();
  }

  private void apply(UserChange change) {
    if (change instanceof UserChange.Create c) {
      put(UUID.randomUUID(), c.user(), c.user().enabled(), false);
    } else if (change instanceof UserChange.Update c) {
      StoredUser old = users.get(c.id());
      put(c.id(), c.user(), old.active(), old.disabledBecauseLeft());
    } else if (change instanceof UserChange.Disable c) {
      flags(c.id(), false, c.becauseLeft());
    } else if (change instanceof UserChange.Enable c) {
      flags(c.id(), true, false);
    } else if (change instanceof UserChange.Delete c) {
      users.remove(c.id());
      memberships.removeIf(m -> m.split(" ")[1].equals(c.id().toString()));
    } else if (change instanceof UserChange.Adopt c) {
      localUsers.remove(c.id());
      put(c.id(), c.user(), c.user().enabled(), false);
    }
  }

  private void apply(GroupChange change) {
    if (change instanceof GroupChange.Create c) {
      UUID id = UUID.randomUUID();
      groups.put(id, new StoredGroup(id, c.group().anchor(), c.group().name(), Set.of()));
    } else if (change instanceof GroupChange.Rename c) {
      StoredGroup old = groups.get(c.id());
      groups.put(c.id(), new StoredGroup(c.id(), old.anchor(), c.group().name(), Set.of()));
    } else {
      UUID id = ((GroupChange.Delete) change).id();
      groups.remove(id);
      memberships.removeIf(m -> m.startsWith(id.toString()));
    }
  }

  private void put(UUID id, DirectoryUser u, boolean active, boolean left) {
    users.put(
        id,
        new StoredUser(
            id,
            u.anchor(),
            u.dn(),
            u.userName(),
            u.givenName(),
            u.familyName(),
            u.displayName(),
            u.email(),
            active,
            left,
            false));
  }

  private void flags(UUID id, boolean active, boolean left) {
    StoredUser u = users.get(id);
    users.put(
        id,
        new StoredUser(
            id,
            u.anchor(),
            u.dn(),
            u.userName(),
            u.givenName(),
            u.familyName(),
            u.displayName(),
            u.email(),
            active,
            left,
            false));
  }

  private UUID userId(MembershipChange.Ref ref) {
    if (ref.id() != null) {
      return ref.id();
    }
    return users.values().stream()
        .filter(u -> u.anchor().equals(ref.anchor()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private UUID groupId(MembershipChange.Ref ref) {
    if (ref.id() != null) {
      return ref.id();
    }
    return groups.values().stream()
        .filter(g -> ref.anchor().equals(g.anchor()))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
