package dev.roster.sync.plan;

import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.config.MappingSettings;
import dev.roster.sync.config.PolicySettings;
import dev.roster.sync.config.PolicySettings.Conflicts;
import dev.roster.sync.config.PolicySettings.Deletion;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryDelta;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMembership;
import dev.roster.sync.port.StoredUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Directory entries and store rows built from short names: user {@code ada} has anchor {@code
 * u-ada}, DN {@code uid=ada,ou=people,dc=ex} and store id {@code id("ada")}; group {@code admins}
 * has anchor {@code g-admins} and DN {@code cn=admins,ou=groups,dc=ex}. {@link #readable} shows ids
 * as {@code #name} so expected plans read as text.
 */
final class Fixtures {
  private static final Map<UUID, String> NAMES = new ConcurrentHashMap<>();

  private Fixtures() {}

  static UUID id(String name) {
    UUID id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    NAMES.put(id, name);
    return id;
  }

  static String readable(String text) {
    String result = text;
    for (Map.Entry<UUID, String> entry : NAMES.entrySet()) {
      result = result.replace(entry.getKey().toString(), "#" + entry.getValue());
    }
    return result;
  }

  static String dn(String userName) {
    return "uid=" + userName + ",ou=people,dc=ex";
  }

  static String groupDn(String name) {
    return "cn=" + name + ",ou=groups,dc=ex";
  }

  static DirectoryUser user(String name) {
    return new DirectoryUser(
        "u-" + name,
        dn(name),
        name,
        cap(name),
        "Example",
        cap(name) + " Example",
        name + "@ex",
        true);
  }

  static DirectoryUser disabled(DirectoryUser user) {
    return new DirectoryUser(
        user.anchor(),
        user.dn(),
        user.userName(),
        user.givenName(),
        user.familyName(),
        user.displayName(),
        user.email(),
        false);
  }

  static DirectoryGroup group(String name, String... memberValues) {
    return new DirectoryGroup("g-" + name, groupDn(name), name, Set.of(memberValues));
  }

  /** The store's row for a user as the directory has it now: active, nothing to update. */
  static StoredUser stored(DirectoryUser user) {
    return stored(user, true, false, false);
  }

  static StoredUser stored(DirectoryUser u, boolean active, boolean left, boolean byAdmin) {
    return new StoredUser(
        id(u.userName()),
        u.anchor(),
        u.dn(),
        u.userName(),
        u.givenName(),
        u.familyName(),
        u.displayName(),
        u.email(),
        active,
        left,
        byAdmin);
  }

  static StoredGroup mirror(String name) {
    return new StoredGroup(id(name), "g-" + name, name, Set.of());
  }

  static StoredMembership membership(String group, String user) {
    return new StoredMembership(id(group), id(user));
  }

  static String cap(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** One planner scenario: the directory, the store and the source's settings, all defaulted. */
  static final class Case {
    final List<DirectoryUser> users = new ArrayList<>();
    final List<DirectoryGroup> groups = new ArrayList<>();
    final Map<String, Set<String>> memberOf = new HashMap<>();
    final Map<String, StoredUser> held = new LinkedHashMap<>();
    final List<StoredGroup> heldGroups = new ArrayList<>();
    final List<StoredMembership> heldMemberships = new ArrayList<>();
    final Map<String, StoreView.LocalUser> locals = new HashMap<>();
    final Set<String> deleted = new HashSet<>();
    Deletion deletion = Deletion.DISABLE;
    Conflicts conflicts = Conflicts.SKIP;
    Membership membership = Membership.MEMBER;
    boolean nested;
    boolean mirror = true;
    boolean ldapGroupNames;
    int maxDeletes = -1;
    int maxDeletePercent = -1;

    Case read(DirectoryUser... read) {
      users.addAll(List.of(read));
      return this;
    }

    Case read(DirectoryGroup... read) {
      groups.addAll(List.of(read));
      return this;
    }

    Case memberOf(String userName, String... groupDns) {
      memberOf.put("u-" + userName, Set.of(groupDns));
      return this;
    }

    /** Anchors an incremental read names as deleted. */
    Case deleted(String... anchors) {
      deleted.addAll(List.of(anchors));
      return this;
    }

    Case held(StoredUser... rows) {
      for (StoredUser row : rows) {
        held.put(row.anchor(), row);
      }
      return this;
    }

    Case held(StoredGroup... rows) {
      heldGroups.addAll(List.of(rows));
      return this;
    }

    Case held(StoredMembership... rows) {
      heldMemberships.addAll(List.of(rows));
      return this;
    }

    Case local(String userName, String source) {
      locals.put(
          userName.toLowerCase(Locale.ROOT),
          new StoreView.LocalUser(id("local-" + userName), userName, source));
      return this;
    }

    Case deletion(Deletion value) {
      deletion = value;
      return this;
    }

    Case conflicts(Conflicts value) {
      conflicts = value;
      return this;
    }

    Case membership(Membership value, boolean nestedGroups) {
      membership = value;
      nested = nestedGroups;
      return this;
    }

    Case mapping(boolean mirrorGroups, boolean byLdapGroupNames) {
      mirror = mirrorGroups;
      ldapGroupNames = byLdapGroupNames;
      return this;
    }

    Case limits(int deletes, int percent) {
      maxDeletes = deletes;
      maxDeletePercent = percent;
      return this;
    }

    SourceSettings source() {
      return new SourceSettings(
          "corp",
          null,
          null,
          new GroupSettings("ou=groups,dc=ex", null, "cn", "entryUUID", membership, nested),
          new MappingSettings(mirror, ldapGroupNames),
          policy());
    }

    PolicySettings policy() {
      return new PolicySettings(deletion, maxDeletes, maxDeletePercent, conflicts, 60, 3600);
    }

    DirectoryContent directory() {
      return new DirectoryContent(users, groups, memberOf);
    }

    StoreView store() {
      return new StoreView(held, heldGroups, heldMemberships, locals);
    }

    SyncPlan plan() {
      return planned().plan();
    }

    Planner.Planned planned() {
      return new Planner().planned(source(), directory(), store());
    }

    /** The read as an incremental one: the users read are the changed ones. */
    DirectoryDelta delta() {
      return new DirectoryDelta(users, deleted, groups, 0);
    }

    SyncPlan planIncremental() {
      return new Planner().planIncremental(source(), delta(), store());
    }

    @Override
    public String toString() {
      return "case";
    }
  }

  static Case given() {
    return new Case();
  }
}
