package dev.roster.domain;

import dev.roster.store.GroupStore;
import dev.roster.store.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The rules of creating, replacing and deleting groups and their manual members. */
public final class GroupService {
  private final Transactions tx;
  private final GroupStore groups;
  private final AdministratorGuard guard;
  private final WriteQueue<UUID> patches;

  /**
   * @param writePatience how long a PATCH waits for the group's earlier ones before it gives up
   *     with nothing changed: as long as the database waits for a row lock
   */
  public GroupService(
      Transactions tx, GroupStore groups, AdministratorGuard guard, Duration writePatience) {
    this.tx = tx;
    this.groups = groups;
    this.guard = guard;
    this.patches = new WriteQueue<>(writePatience);
  }

  public Group create(UUID tenantId, GroupDraft draft) {
    checkSizes(draft);
    checkSettings(Source.LOCAL, GroupSettings.EMPTY, draft.settings());
    Instant now = Clock.now();
    Group group =
        new Group(
            Ids.next(),
            draft.displayName(),
            draft.externalId(),
            Source.LOCAL,
            draft.settings(),
            new Meta(now, now, 0));
    return tx.inTransaction(
        () -> {
          Map<UUID, MemberType> members = resolveMembers(tenantId, group.id(), draft.members());
          groups.insert(tenantId, group);
          groups.replaceMembers(tenantId, group.id(), Origin.MANUAL, members);
          return groups.find(tenantId, group.id()).orElseThrow();
        });
  }

  /**
   * RFC 7644 §3.5.1 replace. Only memberships of origin MANUAL are replaced: those a directory sync
   * made belong to the sync and survive.
   */
  public Group replace(UUID tenantId, UUID id, GroupDraft draft, IfMatch ifMatch) {
    checkSizes(draft);
    return tx.inTransaction(
        () -> {
          Group current = groups.find(tenantId, id).orElseThrow(() -> NotFound.group(id));
          ifMatch.check(current.meta().version());
          checkSettings(current.source(), current.settings(), draft.settings());
          boolean administered = watched(tenantId, current);
          Map<UUID, MemberType> members = resolveMembers(tenantId, id, draft.members());
          groups.update(
              tenantId,
              new Group(
                  id,
                  draft.displayName(),
                  draft.externalId(),
                  current.source(),
                  draft.settings(),
                  new Meta(current.meta().created(), Clock.now(), current.meta().version())));
          groups.replaceMembers(tenantId, id, Origin.MANUAL, members);
          guard.check(tenantId, administered, "replacing group '" + current.displayName() + "'");
          return groups.find(tenantId, id).orElseThrow();
        });
  }

  /**
   * RFC 7644 §3.5.2 modify. The group is locked for the transaction, so concurrent PATCHes of one
   * group apply one after the other and none is lost; within this server they queue for it in the
   * order they arrived ({@link WriteQueue}) before their transactions begin. {@code rename}
   * computes the new displayName and externalId from the current group; {@code changes} run in
   * order as set-based statements on the manual memberships, never reading the group's other
   * members. Adding a member that is there or removing one that is not changes nothing; a PATCH
   * that changes nothing keeps the version.
   */
  public Group patch(
      UUID tenantId,
      UUID id,
      IfMatch ifMatch,
      UnaryOperator<Group> rename,
      List<MembershipChange> changes) {
    return patches.run(id, () -> patchNow(tenantId, id, ifMatch, rename, changes));
  }

  private Group patchNow(
      UUID tenantId,
      UUID id,
      IfMatch ifMatch,
      UnaryOperator<Group> rename,
      List<MembershipChange> changes) {
    return tx.inTransaction(
        () -> {
          Group current = groups.findForUpdate(tenantId, id).orElseThrow(() -> NotFound.group(id));
          ifMatch.check(current.meta().version());
          Group renamed = rename.apply(current);
          Limits.name("displayName", renamed.displayName());
          Limits.name("externalId", renamed.externalId());
          checkSettings(current.source(), current.settings(), renamed.settings());
          boolean administered = mayDemote(current, renamed, changes) && watched(tenantId, current);
          boolean membersChanged = false;
          for (MembershipChange change : changes) {
            membersChanged |= apply(tenantId, id, change);
          }
          boolean namesChanged =
              !current.displayName().equals(renamed.displayName())
                  || !Objects.equals(current.externalId(), renamed.externalId())
                  || !current.settings().equals(renamed.settings());
          if (!membersChanged && !namesChanged) {
            return current;
          }
          // One update moves the version once, whatever the PATCH changed.
          groups.update(
              tenantId,
              new Group(
                  id,
                  renamed.displayName(),
                  renamed.externalId(),
                  current.source(),
                  renamed.settings(),
                  new Meta(
                      current.meta().created(),
                      after(current.meta().lastModified()),
                      current.meta().version())));
          guard.check(
              tenantId, administered, "this change of group '" + current.displayName() + "'");
          return groups.find(tenantId, id).orElseThrow();
        });
  }

  /**
   * Now, or a millisecond after {@code previous} when the clock has not moved past it. When only
   * members changed, lastModified is the one column the update changes; two PATCHes within one
   * millisecond would otherwise leave the row as it was, and its version (the ETag) with it.
   */
  private static Instant after(Instant previous) {
    Instant now = Clock.now();
    return now.isAfter(previous) ? now : previous.plusMillis(1);
  }

  /** Carries out one membership change; true if any row changed. */
  private boolean apply(UUID tenantId, UUID groupId, MembershipChange change) {
    return switch (change.kind()) {
      case ADD ->
          groups.addMembers(
                  tenantId,
                  groupId,
                  Origin.MANUAL,
                  resolveMembers(tenantId, groupId, change.members()))
              > 0;
      case REMOVE -> {
        List<Holding> held = groups.holdings(tenantId, groupId, ids(change));
        refuseDirectoryMemberships(held);
        // Past the refusal every membership held is manual: these are the ones to remove.
        Map<UUID, MemberType> manual = new LinkedHashMap<>();
        held.forEach(holding -> manual.put(holding.member(), holding.type()));
        groups.removeMembers(tenantId, groupId, Origin.MANUAL, manual);
        yield !manual.isEmpty();
      }
      case REMOVE_ALL -> groups.removeAllMembers(tenantId, groupId, Origin.MANUAL) > 0;
      case REPLACE ->
          groups.setMembers(
              tenantId,
              groupId,
              Origin.MANUAL,
              resolveMembers(tenantId, groupId, change.members()));
    };
  }

  /**
   * A membership the LDAP sync made belongs to the directory: removed over SCIM it would come back
   * at the next sync, so asking to remove it is refused and says where to remove it instead.
   */
  private static void refuseDirectoryMemberships(List<Holding> held) {
    for (Holding holding : held) {
      if (!holding.origin().isManual()) {
        throw new Invalid(
            "members[value eq \"" + holding.member() + "\"]",
            "this membership comes from the directory ("
                + holding.origin()
                + ") and cannot be removed over SCIM; remove it in the directory, and the next sync"
                + " removes it here");
      }
    }
  }

  /**
   * Whether the tenant has an active administrator now and this group's change could demote one:
   * the group is an admin group, or nested in another group (which may be one).
   */
  private boolean watched(UUID tenantId, Group group) {
    return (group.settings().admin() || groups.isNested(tenantId, group.id()))
        && guard.administered(tenantId);
  }

  /**
   * Whether this PATCH could take administration away from anyone: removing or replacing members,
   * or changing the group's settings (its admin flag among them). Adding members never does, so an
   * add, the commonest PATCH, need not ask whether the group is watched.
   */
  private static boolean mayDemote(Group current, Group renamed, List<MembershipChange> changes) {
    return !current.settings().equals(renamed.settings())
        || changes.stream().anyMatch(change -> change.kind() != MembershipChange.Kind.ADD);
  }

  /** ldapGroupNames maps directory groups into a local group; a mirrored one is the directory's. */
  private static void checkSettings(Source source, GroupSettings current, GroupSettings asked) {
    if (source == Source.LDAP && !current.ldapGroupNames().equals(asked.ldapGroupNames())) {
      throw new Invalid(
          "urn:roster:scim:extension:2.0:Group:ldapGroupNames",
          "only local groups take directory groups' members; this group mirrors a directory group");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String permission : asked.permissions()) {
      if (!seen.add(CaseInsensitive.key(permission))) {
        throw new Invalid(
            "urn:roster:scim:extension:2.0:Group:permissions",
            "'" + permission + "' appears more than once; each may appear once");
      }
      Limits.name("urn:roster:scim:extension:2.0:Group:permissions", permission);
    }
  }

  private static List<UUID> ids(MembershipChange change) {
    return change.members().stream().map(MemberRef::id).toList();
  }

  public void delete(UUID tenantId, UUID id, IfMatch ifMatch) {
    tx.run(
        () -> {
          Group current = groups.find(tenantId, id).orElseThrow(() -> NotFound.group(id));
          ifMatch.check(current.meta().version());
          boolean administered = watched(tenantId, current);
          groups.delete(tenantId, id);
          guard.check(tenantId, administered, "deleting group '" + current.displayName() + "'");
        });
  }

  private static void checkSizes(GroupDraft draft) {
    Limits.name("displayName", draft.displayName());
    Limits.name("externalId", draft.externalId());
  }

  /** Every member must exist in the tenant; a group cannot contain itself. */
  private Map<UUID, MemberType> resolveMembers(UUID tenantId, UUID groupId, List<MemberRef> refs) {
    List<UUID> ids = new ArrayList<>(refs.size());
    refs.forEach(ref -> ids.add(ref.id()));
    Map<UUID, MemberType> found = groups.resolve(tenantId, ids);
    Map<UUID, MemberType> members = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      UUID id = ids.get(i);
      if (id.equals(groupId)) {
        throw new Invalid("members[" + i + "].value", "a group cannot be a member of itself");
      }
      MemberType type = found.get(id);
      if (type == null) {
        throw new Invalid(
            "members[" + i + "].value", "no user or group with id " + id + " in this tenant");
      }
      MemberType stated = refs.get(i).type();
      if (stated != null && stated != type) {
        throw new Invalid(
            "members[" + i + "].type",
            id + " is a " + type.scimName() + ", not a " + stated.scimName());
      }
      members.put(id, type);
    }
    return members;
  }
}
