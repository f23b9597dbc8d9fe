package dev.roster.store.jpa;

import dev.roster.domain.CaseInsensitive;
import dev.roster.domain.Clock;
import dev.roster.domain.Conflict;
import dev.roster.domain.Group;
import dev.roster.domain.GroupSettings;
import dev.roster.domain.Holding;
import dev.roster.domain.Member;
import dev.roster.domain.MemberType;
import dev.roster.domain.Meta;
import dev.roster.domain.NotFound;
import dev.roster.domain.Origin;
import dev.roster.domain.Source;
import dev.roster.store.GroupStore;
import dev.roster.store.Page;
import dev.roster.store.SearchQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;

/** {@link GroupStore} on Hibernate; memberships go through {@link Memberships}. */
public final class JpaGroupStore implements GroupStore {
  private final JpaTransactions tx;
  private final boolean postgres;
  private final SqlSearch<GroupEntity> search =
      new SqlSearch<>(ResourceTable.GROUPS, SqlSearch.entities(GroupEntity.class, e -> e.id));

  /**
   * @param postgres whether the database is PostgreSQL ({@link Database#isPostgres()})
   */
  public JpaGroupStore(JpaTransactions tx, boolean postgres) {
    this.tx = tx;
    this.postgres = postgres;
  }

  @Override
  public Optional<Group> find(UUID tenantId, UUID id) {
    return entity(tenantId, id).map(JpaGroupStore::toGroup);
  }

  @Override
  public Optional<Group> findForUpdate(UUID tenantId, UUID id) {
    GroupEntity entity = LockedRows.find(session(), postgres, GroupEntity.class, "user_group", id);
    return Optional.ofNullable(entity)
        .filter(e -> e.tenantId.equals(tenantId))
        .map(JpaGroupStore::toGroup);
  }

  @Override
  public Group insert(UUID tenantId, Group group) {
    GroupEntity entity = new GroupEntity();
    entity.id = group.id();
    entity.tenantId = tenantId;
    entity.created = group.meta().created();
    entity.attributes = "{}";
    copy(group, entity);
    return Constraints.unique(
        "ux_user_group_display_name",
        () -> taken(group.displayName()),
        () -> {
          session().persist(entity);
          session().flush();
          GroupPermissions.write(session(), tenantId, group.id(), group.settings().permissions());
          return toGroup(entity);
        });
  }

  @Override
  public Group update(UUID tenantId, Group group) {
    GroupEntity entity = entity(tenantId, group.id()).orElseThrow(() -> NotFound.group(group.id()));
    boolean permissionsChanged =
        !GroupPermissions.read(entity.attributes).equals(group.settings().permissions());
    copy(group, entity);
    return Constraints.unique(
        "ux_user_group_display_name",
        () -> taken(group.displayName()),
        () -> {
          session().flush();
          if (permissionsChanged) {
            GroupPermissions.write(session(), tenantId, group.id(), group.settings().permissions());
          }
          return toGroup(entity);
        });
  }

  @Override
  public boolean delete(UUID tenantId, UUID id) {
    Optional<GroupEntity> entity = entity(tenantId, id);
    if (entity.isEmpty()) {
      return false;
    }
    Memberships.touchGroupsOf(session(), tenantId, id, MemberType.GROUP);
    session().remove(entity.get());
    session().flush();
    return true;
  }

  @Override
  public Page<Group> search(UUID tenantId, SearchQuery query) {
    return search.run(session(), tenantId, query).map(JpaGroupStore::toGroup);
  }

  @Override
  public void forEachMember(UUID tenantId, UUID groupId, Consumer<Member> action) {
    Memberships.forEachMember(session(), tenantId, groupId, action);
  }

  @Override
  public boolean isNested(UUID tenantId, UUID groupId) {
    return !session()
        .createNativeQuery(
            "select group_id from membership where member_group_id = :group", Object.class)
        .setParameter("group", groupId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<Holding> holdings(UUID tenantId, UUID groupId, Collection<UUID> members) {
    return Memberships.holdings(session(), groupId, members);
  }

  @Override
  public Map<UUID, MemberType> resolve(UUID tenantId, Collection<UUID> ids) {
    Map<UUID, MemberType> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    idsIn("user_account", tenantId, ids).forEach(id -> found.put(id, MemberType.USER));
    if (found.size() < new HashSet<>(ids).size()) {
      // Members are most often users only: then the groups need not be asked.
      idsIn("user_group", tenantId, ids).forEach(id -> found.put(id, MemberType.GROUP));
    }
    return found;
  }

  @Override
  public void replaceMembers(
      UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> members) {
    GroupEntity entity = entity(tenantId, groupId).orElseThrow(() -> NotFound.group(groupId));
    if (Memberships.replace(session(), tenantId, groupId, origin, members)) {
      // The group's representation changed: move its version and lastModified.
      entity.lastModified = Clock.now();
      session().lock(entity, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
      session().flush();
    }
  }

  @Override
  public int addMembers(UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> members) {
    return Memberships.add(session(), tenantId, groupId, origin, members);
  }

  @Override
  public void removeMembers(
      UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> members) {
    Memberships.remove(session(), groupId, origin, members);
  }

  @Override
  public int removeAllMembers(UUID tenantId, UUID groupId, Origin origin) {
    return session()
        .createNativeMutationQuery(
            "delete from membership where group_id = :group and origin = :origin")
        .setParameter("group", groupId)
        .setParameter("origin", origin.value())
        .executeUpdate();
  }

  @Override
  public boolean setMembers(
      UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> members) {
    return Memberships.replace(session(), tenantId, groupId, origin, members);
  }

  /**
   * The ids among {@code ids} that exist in the table, locked until the transaction ends so a
   * concurrent delete of one of them waits for (or is waited for by) the membership insert that
   * follows. PostgreSQL's foreign keys would catch that race alone; H2's do not.
   */
  private List<UUID> idsIn(String table, UUID tenantId, Collection<UUID> ids) {
    // PostgreSQL's FOR SHARE is enough to make a delete wait; H2 only offers FOR UPDATE.
    String lock = postgres ? " for share" : " for update";
    List<UUID> found = new java.util.ArrayList<>();
    for (List<UUID> chunk : Memberships.chunks(ids)) {
      session()
          .createNativeQuery(
              "select id from " + table + " where tenant_id = :tenant and id in (:ids)" + lock,
              Object.class)
          .setParameter("tenant", tenantId)
          .setParameterList("ids", chunk)
          .getResultList()
          .forEach(id -> found.add(Memberships.uuid(id)));
    }
    return found;
  }

  private Optional<GroupEntity> entity(UUID tenantId, UUID id) {
    GroupEntity entity = session().find(GroupEntity.class, id);
    return Optional.ofNullable(entity).filter(e -> e.tenantId.equals(tenantId));
  }

  private static Conflict taken(String displayName) {
    return new Conflict(
        "a group named '"
            + displayName
            + "' already exists in this tenant (group names are unique ignoring case)");
  }

  private static void copy(Group group, GroupEntity entity) {
    entity.displayName = group.displayName();
    entity.displayNameLower = CaseInsensitive.key(group.displayName());
    entity.externalId = group.externalId();
    entity.source = group.source().name();
    entity.lastModified = group.meta().lastModified();
    GroupSettings settings = group.settings();
    entity.admin = settings.admin();
    entity.attributes = GroupPermissions.attributes(settings);
    // The column the LDAP sync reads (JpaSyncStore.groups): a JSON array, null for none.
    entity.ldapGroupNames =
        settings.ldapGroupNames().isEmpty()
            ? null
            : GroupPermissions.json(settings.ldapGroupNames());
  }

  static Group toGroup(GroupEntity e) {
    return new Group(
        e.id,
        e.displayName,
        e.externalId,
        Source.valueOf(e.source),
        GroupPermissions.settings(e.attributes, e.admin, e.ldapGroupNames),
        new Meta(e.created, e.lastModified, e.version));
  }

  private Session session() {
    return tx.session();
  }
}
