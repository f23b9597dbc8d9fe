package dev.roster.store.jpa;

import dev.roster.domain.Account;
import dev.roster.domain.CaseInsensitive;
import dev.roster.domain.Conflict;
import dev.roster.domain.GroupRef;
import dev.roster.domain.MemberType;
import dev.roster.domain.Meta;
import dev.roster.domain.Source;
import dev.roster.domain.User;
import dev.roster.domain.UserSettings;
import dev.roster.store.Page;
import dev.roster.store.SearchQuery;
import dev.roster.store.UserStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** {@link UserStore} on Hibernate; every query is scoped to one tenant. */
public final class JpaUserStore implements UserStore {
  private final JpaTransactions tx;
  private final boolean postgres;
  private final SqlSearch<User> search =
      new SqlSearch<>(ResourceTable.USERS, UserRows::byIds, UserRows.IN_SEARCH);

  /**
   * @param postgres whether the database is PostgreSQL ({@link Database#isPostgres()})
   */
  public JpaUserStore(JpaTransactions tx, boolean postgres) {
    this.tx = tx;
    this.postgres = postgres;
  }

  /**
   * Writes the search values of users that lack them or have them in an older layout (see
   * V5__searchable_values.sql); run once at start.
   *
   * @return how many users were indexed
   */
  public int indexStaleSearchValues() {
    return UserValues.reindexStale(tx);
  }

  /**
   * Re-encrypts every stored secret not under {@code keyId}, a batch per transaction.
   *
   * @return how many values were re-encrypted
   */
  public static int rekeySecrets(
      JpaTransactions tx,
      String keyId,
      java.util.function.UnaryOperator<dev.roster.domain.SecretCipher.Sealed> reseal) {
    return UserSecrets.rekey(tx, keyId, reseal);
  }

  @Override
  public Optional<User> find(UUID tenantId, UUID id) {
    return UserRows.find(session(), tenantId, id);
  }

  @Override
  public Optional<User> findForUpdate(UUID tenantId, UUID id) {
    UserEntity entity = LockedRows.find(session(), postgres, UserEntity.class, "user_account", id);
    return Optional.ofNullable(entity)
        .filter(e -> e.tenantId.equals(tenantId))
        .map(JpaUserStore::toUser);
  }

  @Override
  public Optional<User> findByUserName(UUID tenantId, String userName) {
    return session()
        .createSelectionQuery(
            "from UserEntity u where u.tenantId = :tenant and u.userNameLower = :name",
            UserEntity.class)
        .setParameter("tenant", tenantId)
        .setParameter("name", CaseInsensitive.key(userName))
        .uniqueResultOptional()
        .map(JpaUserStore::toUser);
  }

  @Override
  public boolean hasPassword(UUID tenantId, UUID id) {
    return entity(tenantId, id).map(e -> e.passwordHash != null).orElse(false);
  }

  @Override
  public User insert(UUID tenantId, User user, String passwordHashOrNull) {
    UserEntity entity = new UserEntity();
    entity.id = user.id();
    entity.tenantId = tenantId;
    entity.created = user.meta().created();
    entity.passwordHash = passwordHashOrNull;
    copy(user, entity);
    return Constraints.unique(
        "ux_user_account_user_name",
        () -> taken(user.userName()),
        () -> {
          session().persist(entity);
          session().flush();
          return toUser(entity);
        });
  }

  @Override
  public User update(UUID tenantId, User user, String newPasswordHashOrNull) {
    UserEntity entity =
        entity(tenantId, user.id()).orElseThrow(() -> dev.roster.domain.NotFound.user(user.id()));
    copy(user, entity);
    if (newPasswordHashOrNull != null) {
      entity.passwordHash = newPasswordHashOrNull;
    }
    return Constraints.unique(
        "ux_user_account_user_name",
        () -> taken(user.userName()),
        () -> {
          session().flush();
          return toUser(entity);
        });
  }

  @Override
  public boolean exists(UUID tenantId, UUID id) {
    return tx.inTransaction(() -> entity(tenantId, id).isPresent());
  }

  @Override
  public void recordLogin(UUID tenantId, UUID id, java.time.Instant when) {
    session()
        .createNativeMutationQuery(
            "update user_account set last_login = :when where id = :id and tenant_id = :tenant")
        .setParameter("when", when)
        .setParameter("id", id)
        .setParameter("tenant", tenantId)
        .executeUpdate();
  }

  @Override
  public void writeSecrets(
      UUID tenantId, UUID userId, List<SealedSecret> sealed, UserSettings settings) {
    UserSecrets.write(session(), tenantId, userId, sealed, settings);
  }

  @Override
  public boolean delete(UUID tenantId, UUID id) {
    Optional<UserEntity> entity = entity(tenantId, id);
    if (entity.isEmpty()) {
      return false;
    }
    Memberships.touchGroupsOf(session(), tenantId, id, MemberType.USER);
    session().remove(entity.get());
    session().flush();
    return true;
  }

  @Override
  public Page<User> search(UUID tenantId, SearchQuery query) {
    return search.run(session(), tenantId, query);
  }

  @Override
  public Map<UUID, List<GroupRef>> groupsOf(UUID tenantId, Collection<UUID> userIds) {
    return Memberships.groupsOf(session(), tenantId, userIds);
  }

  @Override
  public Map<UUID, List<String>> groupPermissions(UUID tenantId, Collection<UUID> userIds) {
    Map<UUID, List<String>> found = new HashMap<>();
    Jdbc.queryByIds(
        session(),
        userIds,
        tenantId,
        idTest ->
            "select distinct r.tag, gp.permission from ("
                + NestedGroups.upward(
                    "select m.group_id as gid, m.user_id as tag from membership m where m.user_id"
                        + idTest)
                + ") r join group_permission gp on gp.group_id = r.gid"
                + " where gp.tenant_id = ? order by gp.permission",
        row ->
            found.computeIfAbsent(Jdbc.uuid(row, 1), k -> new ArrayList<>()).add(row.getString(2)));
    return found;
  }

  @Override
  public Optional<Credentials> credentials(UUID tenantId, String userName) {
    return session()
        .createSelectionQuery(
            "from UserEntity u where u.tenantId = :tenant and u.userNameLower = :name",
            UserEntity.class)
        .setParameter("tenant", tenantId)
        .setParameter("name", CaseInsensitive.key(userName))
        .uniqueResultOptional()
        .map(JpaUserStore::credentials);
  }

  @Override
  public Optional<Credentials> credentialsByAnchor(
      UUID tenantId, String sourceName, String anchor) {
    return session()
        .createSelectionQuery(
            "from UserEntity u where u.tenantId = :tenant and u.source = 'LDAP'"
                + " and u.sourceName = :source and u.ldapUuid = :anchor",
            UserEntity.class)
        .setParameter("tenant", tenantId)
        .setParameter("source", sourceName)
        .setParameter("anchor", anchor)
        .uniqueResultOptional()
        .map(JpaUserStore::credentials);
  }

  private static Credentials credentials(UserEntity e) {
    return new Credentials(
        e.id,
        e.userName,
        Source.valueOf(e.source),
        e.sourceName,
        e.ldapDn,
        e.passwordHash,
        e.active);
  }

  private Optional<UserEntity> entity(UUID tenantId, UUID id) {
    UserEntity entity = session().find(UserEntity.class, id);
    return Optional.ofNullable(entity).filter(e -> e.tenantId.equals(tenantId));
  }

  private static Conflict taken(String userName) {
    return new Conflict(
        "userName '"
            + userName
            + "' is already taken in this tenant (userNames are unique ignoring case)");
  }

  private static void copy(User user, UserEntity entity) {
    entity.userName = user.userName();
    entity.userNameLower = CaseInsensitive.key(user.userName());
    entity.externalId = user.externalId();
    String displayName = user.details().displayName();
    entity.displayName = displayName;
    entity.displayNameLower = displayName == null ? null : CaseInsensitive.key(displayName);
    if (user.active()) {
      entity.disabledReason = null;
    } else if (entity.active || entity.disabledReason == null) {
      // Made inactive over SCIM: an administrator's decision, which no sync undoes.
      entity.disabledReason = DisabledReason.ADMIN;
    }
    entity.active = user.active();
    Account account = user.account();
    entity.source = account.source().name();
    entity.sourceName = account.sourceName();
    entity.ldapDn = account.ldapDn();
    entity.ldapUuid = account.ldapUuid();
    entity.profile = account.profile();
    entity.hidden = account.hidden();
    entity.attributes = StoredJson.write(user.details());
    UserValues.index(entity);
    entity.lastModified = user.meta().lastModified();
  }

  static User toUser(UserEntity e) {
    Account account =
        new Account(
            Source.valueOf(e.source),
            e.sourceName,
            e.ldapDn,
            e.ldapUuid,
            e.profile,
            e.hidden,
            e.lastLogin);
    return new User(
        e.id,
        e.userName,
        e.externalId,
        e.active,
        account,
        StoredJson.readUser(e.attributes),
        new Meta(e.created, e.lastModified, e.version));
  }

  private Session session() {
    return tx.session();
  }
}
