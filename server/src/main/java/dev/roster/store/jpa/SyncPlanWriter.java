package dev.roster.store.jpa;

import dev.roster.domain.CaseInsensitive;
import dev.roster.domain.Clock;
import dev.roster.domain.Conflict;
import dev.roster.domain.Ids;
import dev.roster.domain.MemberType;
import dev.roster.domain.Origin;
import dev.roster.domain.Source;
import dev.roster.domain.UserDetails;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.GroupChange;
import dev.roster.sync.plan.MembershipChange;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.plan.UserChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Writes one batch of a sync plan inside the caller's transaction: users, then groups, then
 * memberships (set-based per group), resolving anchors of users and groups this run created: from
 * what the run's earlier batches created ({@link CreatedIds}), else from the database.
 */
final class SyncPlanWriter {
  private final Session session;
  private final UUID tenantId;
  private final String source;
  private final String defaultProfile;
  private final CreatedIds run;
  private final Map<String, UUID> userAnchors = new HashMap<>();
  private final Map<String, UUID> groupAnchors = new HashMap<>();
  private final Map<String, UUID> createdUsers = new HashMap<>();
  private final Map<String, UUID> createdGroups = new HashMap<>();
  private final List<UserEntity> newUsers = new ArrayList<>();

  /**
   * @param run what the run's earlier batches created; this batch's creates are added to it by
   *     {@link #keepCreated} once the batch was written
   */
  SyncPlanWriter(
      Session session, UUID tenantId, String source, String defaultProfile, CreatedIds run) {
    this.defaultProfile = defaultProfile;
    this.session = session;
    this.tenantId = tenantId;
    this.source = source;
    this.run = run;
  }

  /** Hands this batch's creates on to the run's next batches; call once the batch was written. */
  void keepCreated() {
    run.add(createdUsers, createdGroups);
  }

  /**
   * Deletes first, then the other changes, then creates, each step flushed: a userName or group
   * name that a change frees is free in the database before a later change takes it (Hibernate on
   * its own would insert before it deletes).
   */
  void write(SyncPlan batch) {
    batch.groups().stream()
        .filter(c -> c instanceof GroupChange.Delete)
        .forEach(c -> applyGroup(source, c));
    batch.users().stream()
        .filter(c -> c instanceof UserChange.Delete)
        .forEach(c -> applyUser(source, c));
    session.flush();
    batch.users().stream()
        .filter(c -> !(c instanceof UserChange.Delete) && !(c instanceof UserChange.Create))
        .forEach(c -> applyUser(source, c));
    batch.groups().stream()
        .filter(c -> c instanceof GroupChange.Rename)
        .forEach(c -> applyGroup(source, c));
    session.flush();
    batch.users().stream()
        .filter(c -> c instanceof UserChange.Create)
        .forEach(c -> applyUser(source, c));
    // The planner gave each create a free name; one taken since (a SCIM create racing the run)
    // fails this batch, and the next run plans around it.
    Constraints.unique(
        "ux_user_account_user_name",
        () -> new Conflict("a userName this batch creates was taken while the sync ran"),
        () -> {
          NewUsers.insert(session, newUsers);
          return null;
        });
    batch.groups().stream()
        .filter(c -> c instanceof GroupChange.Create)
        .forEach(c -> applyGroup(source, c));
    session.flush();
    applyMemberships(source, batch.memberships());
  }

  private void applyUser(String source, UserChange change) {
    Instant now = Clock.now();
    if (change instanceof UserChange.Create c) {
      UserEntity u = new UserEntity();
      u.id = Ids.next();
      u.tenantId = tenantId;
      u.source = Source.LDAP.name();
      u.sourceName = source;
      u.created = now;
      u.profile = defaultProfile;
      write(u, UserDetails.empty(), c.user(), now);
      u.active = c.user().enabled();
      u.disabledReason = c.user().enabled() ? null : DisabledReason.DIRECTORY;
      // Inserted with the batch's other creates (see write), by JDBC: nothing reads them back
      // through the session.
      newUsers.add(u);
      createdUsers.put(u.ldapUuid, u.id);
    } else if (change instanceof UserChange.Update c) {
      UserEntity u = user(c.id());
      write(u, StoredJson.readUser(u.attributes), c.user(), now);
    } else if (change instanceof UserChange.Adopt c) {
      UserEntity u = user(c.id());
      u.source = Source.LDAP.name();
      u.sourceName = source;
      // A directory account signs in against the directory: the local password goes.
      u.passwordHash = null;
      write(u, StoredJson.readUser(u.attributes), c.user(), now);
    } else if (change instanceof UserChange.Disable c) {
      UserEntity u = user(c.id());
      // An administrator may have disabled the user since the plan was made: that reason wins.
      if (!DisabledReason.ADMIN.equals(u.disabledReason)) {
        u.active = false;
        u.disabledReason =
            c.becauseLeft() ? DisabledReason.LEFT_DIRECTORY : DisabledReason.DIRECTORY;
        u.lastModified = now;
      }
    } else if (change instanceof UserChange.Enable c) {
      UserEntity u = user(c.id());
      // Never undo an administrator's disable, even one made while this run planned.
      if (!DisabledReason.ADMIN.equals(u.disabledReason)) {
        u.active = true;
        u.disabledReason = null;
        u.lastModified = now;
      }
    } else if (change instanceof UserChange.Delete c) {
      UserEntity u = user(c.id());
      Memberships.touchGroupsOf(session, tenantId, u.id, MemberType.USER);
      session.remove(u);
    }
  }

  /** Writes what the directory says over the user's {@code held} attributes. */
  private static void write(UserEntity u, UserDetails held, DirectoryUser entry, Instant now) {
    u.userName = entry.userName();
    u.userNameLower = CaseInsensitive.key(entry.userName());
    u.ldapDn = entry.dn();
    u.ldapUuid = entry.anchor();
    UserDetails details = DirectoryAttributes.merge(held, entry);
    u.attributes = StoredJson.write(details);
    u.displayName = details.displayName();
    u.displayNameLower =
        details.displayName() == null ? null : CaseInsensitive.key(details.displayName());
    u.lastModified = now;
    UserValues.index(u, details);
  }

  private void applyGroup(String source, GroupChange change) {
    Instant now = Clock.now();
    if (change instanceof GroupChange.Create c) {
      DirectoryGroup group = c.group();
      GroupEntity g = new GroupEntity();
      g.id = Ids.next();
      g.tenantId = tenantId;
      g.displayName = group.name();
      g.displayNameLower = CaseInsensitive.key(group.name());
      g.source = Source.LDAP.name();
      g.sourceName = source;
      g.ldapUuid = group.anchor();
      g.attributes = "{}";
      g.created = now;
      g.lastModified = now;
      Constraints.unique(
          "ux_user_group_display_name",
          () ->
              new Conflict(
                  "directory group '"
                      + group.name()
                      + "' cannot be mirrored: a group of that name exists"),
          () -> {
            session.persist(g);
            session.flush();
            return g;
          });
      createdGroups.put(g.ldapUuid, g.id);
    } else if (change instanceof GroupChange.Rename c) {
      GroupEntity g = group(c.id());
      g.displayName = c.group().name();
      g.displayNameLower = CaseInsensitive.key(c.group().name());
      g.lastModified = now;
    } else if (change instanceof GroupChange.Delete c) {
      GroupEntity g = group(c.id());
      Memberships.touchGroupsOf(session, tenantId, g.id, MemberType.GROUP);
      session.remove(g);
    }
  }

  /**
   * Set-based per group: one existence read and one batch insert, one delete per chunk. A side
   * named by anchor was created by this run, and only this run writes memberships of its origin
   * (the source's lease), so such a membership cannot be there yet: it is inserted unread.
   */
  private void applyMemberships(String source, List<MembershipChange> changes) {
    Origin origin = Origin.ldap(source);
    resolveAnchors(changes);
    Map<UUID, Map<UUID, MemberType>> adds = new LinkedHashMap<>();
    Map<UUID, Map<UUID, MemberType>> fresh = new LinkedHashMap<>();
    Map<UUID, Map<UUID, MemberType>> removes = new LinkedHashMap<>();
    for (MembershipChange change : changes) {
      UUID group = group(change.group());
      UUID user = user(change.user());
      if (change instanceof MembershipChange.Add) {
        boolean created = change.group().anchor() != null || change.user().anchor() != null;
        (created ? fresh : adds)
            .computeIfAbsent(group, g -> new LinkedHashMap<>())
            .put(user, MemberType.USER);
      } else {
        removes.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(user, MemberType.USER);
      }
    }
    removes.forEach((group, users) -> Memberships.remove(session, group, origin, users));
    adds.forEach((group, users) -> Memberships.add(session, tenantId, group, origin, users));
    fresh.forEach((group, users) -> Memberships.addNew(session, tenantId, group, origin, users));
    Set<UUID> touched = new HashSet<>(adds.keySet());
    touched.addAll(fresh.keySet());
    touched.addAll(removes.keySet());
    Memberships.touch(session, touched);
  }

  /**
   * Finds the ids of every anchor the batch names: those the run created, then the rest in two
   * queries (users, groups) per chunk.
   */
  private void resolveAnchors(List<MembershipChange> changes) {
    Set<String> users = new HashSet<>();
    Set<String> groups = new HashSet<>();
    for (MembershipChange change : changes) {
      known(change.user().anchor(), userAnchors, createdUsers, run::user, users);
      known(change.group().anchor(), groupAnchors, createdGroups, run::group, groups);
    }
    resolve("UserEntity", users, userAnchors);
    resolve("GroupEntity", groups, groupAnchors);
  }

  /**
   * Puts an anchor's id into {@code resolved} when this batch or an earlier one of the run created
   * it, else adds the anchor to {@code unknown}, to be asked of the database.
   */
  private static void known(
      String anchor,
      Map<String, UUID> resolved,
      Map<String, UUID> createdHere,
      Function<String, UUID> createdInRun,
      Set<String> unknown) {
    if (anchor == null || resolved.containsKey(anchor)) {
      return;
    }
    UUID id =
        createdHere.containsKey(anchor) ? createdHere.get(anchor) : createdInRun.apply(anchor);
    if (id != null) {
      resolved.put(anchor, id);
    } else {
      unknown.add(anchor);
    }
  }

  /**
   * Only the anchor is in the query and the rest is checked here: H2 answers an IN list from an
   * index only when nothing else in the condition tempts it to another index.
   */
  private void resolve(String entity, Set<String> anchors, Map<String, UUID> ids) {
    for (List<String> chunk : Memberships.chunks(anchors)) {
      session
          .createSelectionQuery(
              "select e.ldapUuid, e.id, e.tenantId, e.source, e.sourceName from "
                  + entity
                  + " e where e.ldapUuid in (:anchors)",
              Object[].class)
          .setParameterList("anchors", chunk)
          .getResultList()
          .stream()
          .filter(row -> tenantId.equals(row[2]) && "LDAP".equals(row[3]) && source.equals(row[4]))
          .forEach(row -> ids.put((String) row[0], (UUID) row[1]));
    }
  }

  /** A plan reference: an id as it is, or the anchor of one of this source's users. */
  private UUID user(MembershipChange.Ref ref) {
    return ref.id() != null
        ? ref.id()
        : userAnchors.computeIfAbsent(ref.anchor(), a -> lookup("UserEntity", a));
  }

  private UUID group(MembershipChange.Ref ref) {
    return ref.id() != null
        ? ref.id()
        : groupAnchors.computeIfAbsent(ref.anchor(), a -> lookup("GroupEntity", a));
  }

  private UUID lookup(String entity, String anchor) {
    return session
        .createSelectionQuery(
            "select e.id from "
                + entity
                + " e where e.tenantId = :tenant and e.source = 'LDAP'"
                + " and e.sourceName = :source and e.ldapUuid = :anchor",
            UUID.class)
        .setParameter("tenant", tenantId)
        .setParameter("source", source)
        .setParameter("anchor", anchor)
        .uniqueResultOptional()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the plan names anchor " + anchor + " that the store lacks"));
  }

  private UserEntity user(UUID id) {
    UserEntity u = session.find(UserEntity.class, id);
    if (u == null || !u.tenantId.equals(tenantId)) {
      throw new Conflict("user " + id + " changed while the sync ran; the next run will catch up");
    }
    return u;
  }

  private GroupEntity group(UUID id) {
    GroupEntity g = session.find(GroupEntity.class, id);
    if (g == null || !g.tenantId.equals(tenantId)) {
      throw new Conflict("group " + id + " changed while the sync ran; the next run will catch up");
    }
    return g;
  }
}
