package dev.roster.sync.port;

import dev.roster.sync.model.DirectoryNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@link StoreLookup} over a {@link StoreView} held in memory: how the planner runs on a snapshot
 * (tests, and {@code Planner.plan}). The view's users are the source's users; its local users are
 * every user of another source.
 */
public final class ViewLookup implements StoreLookup {
  private final String label;
  private final StoreView view;

  public ViewLookup(String source, StoreView view) {
    this.label = "LDAP:" + source;
    this.view = view;
  }

  public StoreView view() {
    return view;
  }

  @Override
  public Map<String, StoredUser> usersByAnchor(String source, Collection<String> anchors) {
    Map<String, StoredUser> found = new HashMap<>();
    for (String anchor : anchors) {
      StoredUser user = view.usersByAnchor().get(anchor);
      if (user != null) {
        found.put(anchor, user);
      }
    }
    return found;
  }

  @Override
  public Map<String, StoredMember> membersByDn(String source, Collection<String> dns) {
    Set<String> wanted = new HashSet<>(dns);
    Map<String, StoredMember> found = new HashMap<>();
    for (StoredUser user : view.usersByAnchor().values()) {
      String dn = user.dn() == null ? null : DirectoryNames.normalize(user.dn());
      if (dn != null && wanted.contains(dn)) {
        found.put(dn, member(user));
      }
    }
    return found;
  }

  @Override
  public Map<String, StoredMember> membersByUserName(String source, Collection<String> keys) {
    Set<String> wanted = new HashSet<>(keys);
    Map<String, StoredMember> found = new HashMap<>();
    for (StoredUser user : view.usersByAnchor().values()) {
      String key = NameHolder.key(user.userName());
      if (wanted.contains(key)) {
        found.put(key, member(user));
      }
    }
    return found;
  }

  private static StoredMember member(StoredUser user) {
    return new StoredMember(user.id(), user.anchor(), user.disabledBecauseLeft());
  }

  @Override
  public Map<String, NameHolder> nameHolders(String source, Collection<String> keys) {
    Set<String> wanted = new HashSet<>(keys);
    Map<String, NameHolder> found = new HashMap<>();
    for (StoreView.LocalUser local : view.localUsersByUserName().values()) {
      String key = NameHolder.key(local.userName());
      if (wanted.contains(key)) {
        found.put(key, new NameHolder(local.id(), local.userName(), local.source(), null));
      }
    }
    for (StoredUser user : view.usersByAnchor().values()) {
      String key = NameHolder.key(user.userName());
      if (wanted.contains(key)) {
        found.put(key, new NameHolder(user.id(), user.userName(), label, user.anchor()));
      }
    }
    return found;
  }

  @Override
  public List<StoredGroup> groups(String source) {
    return view.groups();
  }

  @Override
  public HeldCounts held(String source) {
    int notLeft = 0;
    for (StoredUser user : view.usersByAnchor().values()) {
      if (!user.disabledBecauseLeft()) {
        notLeft++;
      }
    }
    return new HeldCounts(view.usersByAnchor().size(), notLeft);
  }

  @Override
  public int heldMemberships(String source) {
    return view.memberships().size();
  }

  @Override
  public Set<UUID> groupsWithMemberships(String source) {
    Set<UUID> groups = new LinkedHashSet<>();
    view.memberships().forEach(membership -> groups.add(membership.groupId()));
    return groups;
  }

  @Override
  public List<StoredMembership> memberships(String source, Collection<UUID> groupIds) {
    Set<UUID> wanted = new HashSet<>(groupIds);
    return view.memberships().stream().filter(m -> wanted.contains(m.groupId())).toList();
  }
}
