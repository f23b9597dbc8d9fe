package dev.roster.store.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.domain.CaseInsensitive;
import dev.roster.domain.Clock;
import dev.roster.domain.Conflict;
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
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMembership;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.port.SyncStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  public JpaSyncStore(JpaTransactions tx, UUID tenantId) {
    this.tx = tx;
    this.tenantId = tenantId;
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
        () -> {
          Anchors anchors = new Anchors(source);
          batch.users().forEach(change -> applyUser(source, change));
          batch.groups().forEach(change -> applyGroup(source, change));
          session().flush();
          applyMemberships(source, batch.memberships(), anchors);
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

  private List<StoredGroup> groups(String source) {
    List<StoredGroup> groups = new ArrayList<>();
    for (GroupEntity g :
        session()
            .createSelectionQuery(
                "from GroupEntity g where g.tenantId = :tenant and ((g.source = 'LDAP' and g.sourceName = :source)"
                    + " or g.ldapGroupNames is not null)",
                GroupEntity.class)
            .setParameter("tenant", tenantId)
            .setParameter("source", source)
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

  private void applyUser(String source, UserChange change) {
    Instant now = Clock.now();
    if (change instanceof UserChange.Create c) {
      UserEntity u = new UserEntity();
      u.id = UUID.randomUUID();
      u.tenantId = tenantId;
      u.source = Source.LDAP.name();
      u.sourceName = source;
      u.created = now;
      u.attributes = StoredJson.write(UserDetails.empty());
      write(u, c.user(), now);
      u.active = c.user().enabled();
      u.disabledReason = c.user().enabled() ? null : DisabledReason.DIRECTORY;
      Constraints.unique(
          "ux_user_account_user_name",
          () -> new Conflict("userName '" + c.user().userName() + "' was taken while the sync ran"),
          () -> {
            session().persist(u);
            session().flush();
            return u;
          });
    } else if (change instanceof UserChange.Update c) {
      write(user(c.id()), c.user(), now);
    } else if (change instanceof UserChange.Adopt c) {
      UserEntity u = user(c.id());
      u.source = Source.LDAP.name();
      u.sourceName = source;
      // A directory account signs in against the directory: the local password goes.
      u.passwordHash = null;
      write(u, c.user(), now);
    } else if (change instanceof UserChange.Disable c) {
      UserEntity u = user(c.id());
      u.active = false;
      u.disabledReason = c.becauseLeft() ? DisabledReason.LEFT_DIRECTORY : DisabledReason.DIRECTORY;
      u.lastModified = now;
    } else if (change instanceof UserChange.Enable c) {
      UserEntity u = user(c.id());
      u.active = true;
      u.disabledReason = null;
      u.lastModified = now;
    } else if (change instanceof UserChange.Delete c) {
      UserEntity u = user(c.id());
      Memberships.touchGroupsOf(session(), tenantId, u.id, MemberType.USER);
      session().remove(u);
    }
  }

  private static void write(UserEntity u, DirectoryUser entry, Instant now) {
    u.userName = entry.userName();
    u.userNameLower = CaseInsensitive.key(entry.userName());
    u.ldapDn = entry.dn();
    u.ldapUuid = entry.anchor();
    UserDetails details = DirectoryAttributes.merge(StoredJson.readUser(u.attributes), entry);
    u.attributes = StoredJson.write(details);
    u.displayName = details.displayName();
    u.displayNameLower =
        details.displayName() == null ? null : CaseInsensitive.key(details.displayName());
    u.lastModified = now;
  }

  private void applyGroup(String source, GroupChange change) {
    Instant now = Clock.now();
    if (change instanceof GroupChange.Create c) {
      DirectoryGroup group = c.group();
      GroupEntity g = new GroupEntity();
      g.id = UUID.randomUUID();
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
            session().persist(g);
            session().flush();
            return g;
          });
    } else if (change instanceof GroupChange.Rename c) {
      GroupEntity g = group(c.id());
      g.displayName = c.group().name();
      g.displayNameLower = CaseInsensitive.key(c.group().name());
      g.lastModified = now;
    } else if (change instanceof GroupChange.Delete c) {
      GroupEntity g = group(c.id());
      Memberships.touchGroupsOf(session(), tenantId, g.id, MemberType.GROUP);
      session().remove(g);
    }
  }

  /** Set-based per group: one existence read and one batch insert, one delete per chunk. */
  private void applyMemberships(String source, List<MembershipChange> changes, Anchors anchors) {
    Origin origin = Origin.ldap(source);
    Map<UUID, Map<UUID, MemberType>> adds = new LinkedHashMap<>();
    Map<UUID, List<UUID>> removes = new LinkedHashMap<>();
    for (MembershipChange change : changes) {
      UUID group = anchors.group(change.group());
      UUID user = anchors.user(change.user());
      if (change instanceof MembershipChange.Add) {
        adds.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(user, MemberType.USER);
      } else {
        removes.computeIfAbsent(group, g -> new ArrayList<>()).add(user);
      }
    }
    removes.forEach((group, users) -> Memberships.remove(session(), group, origin, users));
    adds.forEach((group, users) -> Memberships.add(session(), tenantId, group, origin, users));
    Set<UUID> touched = new HashSet<>(adds.keySet());
    touched.addAll(removes.keySet());
    Memberships.touch(session(), touched);
  }

  /** Resolves plan references: ids as they are, anchors of this source's users and groups. */
  private final class Anchors {
    private final String source;
    private final Map<String, UUID> users = new HashMap<>();
    private final Map<String, UUID> groups = new HashMap<>();

    Anchors(String source) {
      this.source = source;
    }

    UUID user(MembershipChange.Ref ref) {
      return ref.id() != null
          ? ref.id()
          : users.computeIfAbsent(ref.anchor(), a -> lookup("UserEntity", a));
    }

    UUID group(MembershipChange.Ref ref) {
      return ref.id() != null
          ? ref.id()
          : groups.computeIfAbsent(ref.anchor(), a -> lookup("GroupEntity", a));
    }

    private UUID lookup(String entity, String anchor) {
      return session()
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
  }

  private UserEntity user(UUID id) {
    UserEntity u = session().find(UserEntity.class, id);
    if (u == null || !u.tenantId.equals(tenantId)) {
      throw new Conflict("user " + id + " changed while the sync ran; the next run will catch up");
    }
    return u;
  }

  private GroupEntity group(UUID id) {
    GroupEntity g = session().find(GroupEntity.class, id);
    if (g == null || !g.tenantId.equals(tenantId)) {
      throw new Conflict("group " + id + " changed while the sync ran; the next run will catch up");
    }
    return g;
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
