package dev.roster.sync.plan;

import dev.roster.sync.config.PolicySettings;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryNames;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.MembershipChange.Ref;
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.StoredUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The user half of a {@link Planner} run: directory entries against the store's users of the
 * source, by anchor. Besides the changes it records how each kept user is referred to by
 * memberships (an id, or the anchor of a user this run creates) and which users it deletes.
 *
 * <p>userNames are unique in the store regardless of case, so a create or a userName change that
 * would take a name another user keeps is reported as a conflict instead of being planned: one such
 * entry must not fail every run.
 */
final class UserPlanner {
  private final SourceSettings source;
  private final StoreView store;
  private final Map<String, StoreView.LocalUser> localUsers = new HashMap<>();
  private final Set<String> takenNames = new HashSet<>();
  final List<UserChange> changes = new ArrayList<>();
  final List<Conflict> conflicts = new ArrayList<>();
  final Map<String, Ref> refsByAnchor = new HashMap<>();
  final Set<UUID> deletedIds = new HashSet<>();

  UserPlanner(SourceSettings source, StoreView store) {
    this.source = source;
    this.store = store;
    for (StoreView.LocalUser local : store.localUsersByUserName().values()) {
      localUsers.put(key(local.userName()), local);
    }
  }

  /** A full read: every stored user missing from {@code directoryUsers} has left. */
  void plan(List<DirectoryUser> directoryUsers) {
    Map<String, DirectoryUser> directory = byAnchor(directoryUsers);
    plan(directory, user -> !directory.containsKey(user.anchor()));
  }

  /**
   * An incremental read: only the changed entries are planned, and only the users whose anchors the
   * directory named as deleted have left. Every other stored user is taken to be where it was, and
   * keeps its memberships by id, unless it had left before (its entry is gone, so no group of the
   * directory can name it).
   */
  void planChanges(List<DirectoryUser> changedUsers, Set<String> deletedAnchors) {
    Map<String, DirectoryUser> directory = byAnchor(changedUsers);
    Set<String> deleted = new HashSet<>();
    deletedAnchors.forEach(anchor -> deleted.add(key(anchor)));
    Predicate<StoredUser> gone =
        user -> deleted.contains(key(user.anchor())) && !directory.containsKey(user.anchor());
    plan(directory, gone);
    for (StoredUser user : store.usersByAnchor().values()) {
      if (!directory.containsKey(user.anchor())
          && !gone.test(user)
          && !user.disabledBecauseLeft()) {
        refsByAnchor.put(user.anchor(), Ref.id(user.id()));
      }
    }
  }

  private void plan(Map<String, DirectoryUser> directory, Predicate<StoredUser> gone) {
    List<StoredUser> stored = new ArrayList<>(store.usersByAnchor().values());
    stored.sort(Comparator.comparing(StoredUser::anchor));
    boolean deleteLeavers = source.policy().deletion() == PolicySettings.Deletion.DELETE;
    for (StoredUser user : stored) {
      if (!gone.test(user) || !deleteLeavers) {
        takenNames.add(key(user.userName()));
      }
    }
    for (DirectoryUser user : directory.values()) {
      StoredUser existing = store.usersByAnchor().get(user.anchor());
      if (existing != null) {
        planExisting(user, existing);
      }
    }
    for (DirectoryUser user : directory.values()) {
      if (!store.usersByAnchor().containsKey(user.anchor())) {
        planNew(user);
      }
    }
    for (StoredUser user : stored) {
      if (gone.test(user)) {
        planGone(user, deleteLeavers);
      }
    }
  }

  private static Map<String, DirectoryUser> byAnchor(List<DirectoryUser> users) {
    Map<String, DirectoryUser> directory = new TreeMap<>();
    users.forEach(user -> directory.putIfAbsent(user.anchor(), user));
    return directory;
  }

  private void planNew(DirectoryUser user) {
    String name = key(user.userName());
    StoreView.LocalUser local = localUsers.get(name);
    if (takenNames.contains(name)) {
      conflicts.add(new Conflict(user.userName(), user.dn(), "LDAP:" + source.name(), "skipped"));
    } else if (local == null) {
      takenNames.add(name);
      changes.add(new UserChange.Create(user));
      refsByAnchor.put(user.anchor(), Ref.anchor(user.anchor()));
    } else if (source.policy().conflicts() == PolicySettings.Conflicts.ADOPT
        && !local.source().startsWith("LDAP")) {
      // Only local accounts are adopted: another source's user stays that source's.
      takenNames.add(name);
      conflicts.add(new Conflict(user.userName(), user.dn(), local.source(), "adopted"));
      changes.add(new UserChange.Adopt(local.id(), user));
      refsByAnchor.put(user.anchor(), Ref.id(local.id()));
    } else {
      conflicts.add(new Conflict(user.userName(), user.dn(), local.source(), "skipped"));
    }
  }

  private void planExisting(DirectoryUser user, StoredUser stored) {
    refsByAnchor.put(user.anchor(), Ref.id(stored.id()));
    List<String> fields = changedFields(user, stored);
    String name = key(user.userName());
    boolean takesName = !name.equals(key(stored.userName()));
    if (takesName && (takenNames.contains(name) || localUsers.containsKey(name))) {
      // Another user keeps that name this run, so the update waits (a chain of renames settles
      // over a few runs); the user's enabled state and memberships still sync.
      StoreView.LocalUser local = localUsers.get(name);
      String holder = local != null ? local.source() : "LDAP:" + source.name();
      conflicts.add(new Conflict(user.userName(), user.dn(), holder, "skipped"));
    } else if (!fields.isEmpty()) {
      takenNames.add(name);
      changes.add(new UserChange.Update(stored.id(), user, fields));
    }
    if (!user.enabled() && stored.active()) {
      changes.add(new UserChange.Disable(stored.id(), stored.userName(), false));
    } else if (user.enabled() && !stored.active() && !stored.disabledByAdministrator()) {
      // Left-the-directory and disabled-in-the-directory are undone by the directory; an
      // administrator's disable is a decision the directory does not know about.
      changes.add(new UserChange.Enable(stored.id(), stored.userName()));
    }
  }

  private void planGone(StoredUser user, boolean deleteLeavers) {
    if (deleteLeavers) {
      changes.add(new UserChange.Delete(user.id(), user.userName()));
      deletedIds.add(user.id());
    } else if (user.active()) {
      changes.add(new UserChange.Disable(user.id(), user.userName(), true));
    }
  }

  private static List<String> changedFields(DirectoryUser user, StoredUser stored) {
    List<String> fields = new ArrayList<>();
    if (!Objects.equals(
        DirectoryNames.normalize(user.dn()), DirectoryNames.normalize(stored.dn()))) {
      fields.add("dn");
    }
    addIfChanged(fields, "userName", user.userName(), stored.userName());
    addIfChanged(fields, "givenName", user.givenName(), stored.givenName());
    addIfChanged(fields, "familyName", user.familyName(), stored.familyName());
    addIfChanged(fields, "displayName", user.displayName(), stored.displayName());
    addIfChanged(fields, "email", user.email(), stored.email());
    return fields;
  }

  /** An absent attribute and an empty one are the same: stores tend to keep one as the other. */
  private static void addIfChanged(List<String> fields, String field, String read, String held) {
    if (!Objects.equals(emptyToNull(read), emptyToNull(held))) {
      fields.add(field);
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * The key under which userNames clash: NFKC, lower case, NFC — the same as the server's {@code
   * CaseInsensitive.key} and its unique index, so a clash the database would refuse is found here
   * first and reported as a conflict.
   */
  static String key(String userName) {
    if (userName == null) {
      return "";
    }
    String folded =
        java.text.Normalizer.normalize(userName, java.text.Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT);
    return java.text.Normalizer.normalize(folded, java.text.Normalizer.Form.NFC);
  }
}
