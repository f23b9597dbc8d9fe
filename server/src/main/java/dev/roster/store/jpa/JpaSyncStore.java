package dev.roster.store.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.domain.CaseInsensitive;
import dev.roster.domain.Clock;
import dev.roster.domain.Origin;
import dev.roster.domain.UserDetails;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMembership;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.port.SyncStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The synchronizer's port on Hibernate: the store's view of one source, and plan batches applied in
 * one transaction each. Users and groups of a source are found by their anchor ({@code ldap_uuid});
 * memberships carry origin {@code LDAP:<source>}.
 */
public final class JpaSyncStore implements SyncStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JpaTransactions tx;
  private final UUID tenantId;
  private final Map<String, String> defaultProfiles;

  /**
   * @param defaultProfiles per source, the profile its new users get (absent or null: none)
   */
  public JpaSyncStore(JpaTransactions tx, UUID tenantId, Map<String, String> defaultProfiles) {
    this.tx = tx;
    this.tenantId = tenantId;
    this.defaultProfiles =
        Map.copyOf(
            defaultProfiles.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Override
  public StoreView view(String source, Collection<String> directoryUserNames) {
    return tx.inTransaction(
        () ->
            new StoreView(
                users(source),
                groups(source),
                memberships(source),
                others(source, directoryUserNames)));
  }

  @Override
  public void apply(String source, SyncPlan batch) {
    tx.run(
        () ->
            new SyncPlanWriter(session(), tenantId, source, defaultProfiles.get(source))
                .write(batch));
  }

  @Override
  public Optional<String> cursor(String source) {
    return tx.inTransaction(
        () ->
            session()
                .createNativeQuery(
                    "select mark from sync_cursor where source = :source", String.class)
                .setParameter("source", source)
                .getResultList()
                .stream()
                .findFirst());
  }

  @Override
  public void saveCursor(String source, String cursor) {
    tx.run(
        () -> {
          int updated =
              session()
                  .createNativeMutationQuery(
                      "update sync_cursor set mark = :cursor, updated = :now where source = :source")
                  .setParameter("cursor", cursor)
                  .setParameter("now", Clock.now())
                  .setParameter("source", source)
                  .executeUpdate();
          if (updated == 0) {
            session()
                .createNativeMutationQuery(
                    "insert into sync_cursor (source, mark, updated) values (:source, :cursor, :now)")
                .setParameter("source", source)
                .setParameter("cursor", cursor)
                .setParameter("now", Clock.now())
                .executeUpdate();
          }
        });
  }

  private Map<String, StoredUser> users(String source) {
    Map<String, StoredUser> users = new LinkedHashMap<>();
    session()
        .createSelectionQuery(
            "from UserEntity u where u.tenantId = :tenant and u.source = 'LDAP' and u.sourceName = :source",
            UserEntity.class)
        .setParameter("tenant", tenantId)
        .setParameter("source", source)
        .getResultStream()
        .forEach(
            u -> {
              UserDetails details = StoredJson.readUser(u.attributes);
              users.put(
                  u.ldapUuid,
                  new StoredUser(
                      u.id,
                      u.ldapUuid,
                      u.ldapDn,
                      u.userName,
                      details.name() == null ? null : details.name().givenName(),
                      details.name() == null ? null : details.name().familyName(),
                      details.displayName(),
                      DirectoryAttributes.primaryEmail(details),
                      u.active,
                      DisabledReason.LEFT_DIRECTORY.equals(u.disabledReason),
                      DisabledReason.ADMIN.equals(u.disabledReason)));
              session().detach(u);
            });
    return users;
  }

  /**
   * Every group of the tenant (groups are few): this source's mirrors, the local groups that name
   * directory groups, and the rest, whose names a mirrored group must not take.
   */
  private List<StoredGroup> groups(String source) {
    List<StoredGroup> groups = new ArrayList<>();
    for (GroupEntity g :
        session()
            .createSelectionQuery(
                "from GroupEntity g where g.tenantId = :tenant", GroupEntity.class)
            .setParameter("tenant", tenantId)
            .getResultList()) {
      boolean mirror = "LDAP".equals(g.source) && source.equals(g.sourceName);
      groups.add(
          new StoredGroup(
              g.id, mirror ? g.ldapUuid : null, g.displayName, names(g.ldapGroupNames)));
    }
    return groups;
  }

  private List<StoredMembership> memberships(String source) {
    List<StoredMembership> memberships = new ArrayList<>();
    session()
        .createNativeQuery(
            "select group_id, user_id from membership where tenant_id = :tenant and origin = :origin"
                + " and user_id is not null",
            Object[].class)
        .setParameter("tenant", tenantId)
        .setParameter("origin", Origin.ldap(source).value())
        .getResultList()
        .forEach(
            row ->
                memberships.add(
                    new StoredMembership(Memberships.uuid(row[0]), Memberships.uuid(row[1]))));
    return memberships;
  }

  /** Users not of this source whose userNames the directory also uses: the conflicts. */
  private Map<String, StoreView.LocalUser> others(String source, Collection<String> userNames) {
    Set<String> keys = new HashSet<>();
    userNames.forEach(name -> keys.add(CaseInsensitive.key(name)));
    Map<String, StoreView.LocalUser> others = new HashMap<>();
    for (List<String> chunk : Memberships.chunks(keys)) {
      session()
          .createSelectionQuery(
              "from UserEntity u where u.tenantId = :tenant and u.userNameLower in (:names)"
                  + " and not (u.source = 'LDAP' and u.sourceName = :source)",
              UserEntity.class)
          .setParameter("tenant", tenantId)
          .setParameterList("names", chunk)
          .setParameter("source", source)
          .getResultList()
          .forEach(
              u ->
                  others.put(
                      u.userNameLower,
                      new StoreView.LocalUser(
                          u.id,
                          u.userName,
                          u.source.equals("LDAP") ? "LDAP:" + u.sourceName : u.source)));
    }
    return others;
  }

  private static Set<String> names(String json) {
    if (json == null || json.isBlank()) {
      return Set.of();
    }
    try {
      return Set.of(JSON.readValue(json, String[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("ldap_group_names is not a JSON array", e);
    }
  }

  private Session session() {
    return tx.session();
  }
}
