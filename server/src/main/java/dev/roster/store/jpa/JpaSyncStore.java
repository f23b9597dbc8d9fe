package dev.roster.store.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.domain.Clock;
import dev.roster.domain.Origin;
import dev.roster.domain.UserDetails;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.port.HeldCounts;
import dev.roster.sync.port.MemberDigest;
import dev.roster.sync.port.NameHolder;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMember;
import dev.roster.sync.port.StoredMembership;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.port.SyncStore;
import dev.roster.sync.port.SyncWorkspace;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * The synchronizer's port on Hibernate: lookups a page at a time, a workspace per run ({@link
 * JpaSyncWorkspace}), and plan batches applied in one transaction each. Users and groups of a
 * source are found by their anchor ({@code ldap_uuid}); memberships carry origin {@code
 * LDAP:<source>}.
 */
public final class JpaSyncStore implements SyncStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FETCH = 1_000;

  /** Small enough for H2 to keep a page in memory (it writes results of more rows to a file). */
  static final int PASS_PAGE = 10_000;

  private static final int DIGEST_CHUNK = 200;

  private final JpaTransactions tx;
  private final UUID tenantId;
  private final Map<String, String> defaultProfiles;
  private final boolean postgres;
  private final SpoolDirectory spoolDirectory;

  /**
   * Per source, its current run: the workspace it holds and what it has created. A run opens a
   * workspace, then applies its plan, on one thread; other writers of the port's batches (sign-in
   * provisioning) never see what it created. A run that ended without closing its workspace (an
   * Error) leaves it here, and the source's next run closes it.
   */
  private final Map<String, OpenRun> runs = new ConcurrentHashMap<>();

  private final int passPage;

  private record OpenRun(JpaSyncWorkspace workspace, CreatedIds created) {}

  /**
   * @param defaultProfiles per source, the profile its new users get (absent or null: none)
   * @param spoolRoot under which runs spool their plans ({@link SpoolDirectory}, {@link PlanSpool})
   */
  public JpaSyncStore(
      JpaTransactions tx,
      UUID tenantId,
      Map<String, String> defaultProfiles,
      boolean postgres,
      Path spoolRoot) {
    this(tx, tenantId, defaultProfiles, postgres, spoolRoot, PASS_PAGE);
  }

  /**
   * @param passPage how many users a page of {@link #sourcePass} holds
   */
  JpaSyncStore(
      JpaTransactions tx,
      UUID tenantId,
      Map<String, String> defaultProfiles,
      boolean postgres,
      Path spoolRoot,
      int passPage) {
    this.tx = tx;
    this.passPage = passPage;
    this.postgres = postgres;
    this.spoolDirectory = new SpoolDirectory(spoolRoot);
    this.tenantId = tenantId;
    this.defaultProfiles =
        Map.copyOf(
            defaultProfiles.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Override
  public SyncWorkspace open(String source) {
    OpenRun left = runs.remove(source);
    if (left != null) {
      left.workspace().close();
    }
    JpaSyncWorkspace workspace =
        JpaSyncWorkspace.open(
            tx,
            tenantId,
            source,
            postgres,
            spoolDirectory.path(),
            anchors -> usersByAnchor(source, anchors),
            closed ->
                runs.computeIfPresent(source, (s, run) -> run.workspace() == closed ? null : run));
    runs.put(source, new OpenRun(workspace, new CreatedIds()));
    return workspace;
  }

  @Override
  public Map<String, StoredUser> usersByAnchor(String source, Collection<String> anchors) {
    return usersBy("u.ldapUuid", source, anchors);
  }

  @Override
  public Map<String, StoredMember> membersByDn(String source, Collection<String> dns) {
    return membersBy("ldap_dn", source, dns);
  }

  @Override
  public Map<String, StoredMember> membersByUserName(String source, Collection<String> keys) {
    return membersBy("user_name_lower", source, keys);
  }

  /**
   * As {@link #usersBy}, only the columns a membership needs: no entity, no JSON to parse. Up to
   * {@link Memberships#CHUNK} values are looked up in the index; more are found in one pass over
   * the source's users ({@link #sourcePass}), which an incremental run asks for: every member its
   * groups name, about as many as the source has users. 100,000 lookups took 2 s on H2 in lists of
   * 500, one pass over 110,000 users 0.04–0.4 s; the pass costs the source's users, so it is kept
   * for lists too long to look up one by one.
   */
  private Map<String, StoredMember> membersBy(
      String column, String source, Collection<String> values) {
    Set<String> wanted = new HashSet<>(values);
    Map<String, StoredMember> members = new HashMap<>();
    // The columns of the source pass, then what the lookups below test in Java: with the tenant
    // and source in the statement, H2 may take the source index, on which an IN list over a later
    // column is not a lookup but a walk of the whole source.
    Jdbc.RowAction keep =
        row -> {
          String value = row.getString(2);
          if (wanted.contains(value)) {
            members.put(
                value,
                new StoredMember(
                    Jdbc.uuid(row, 3),
                    row.getString(4),
                    DisabledReason.LEFT_DIRECTORY.equals(row.getString(5))));
          }
        };
    tx.run(
        () -> {
          if (wanted.size() > Memberships.CHUNK) {
            sourcePass(column, source, keep);
            return;
          }
          for (List<String> chunk : Memberships.chunks(wanted)) {
            Jdbc.query(
                session(),
                memberColumns(column)
                    + ", tenant_id, source, source_name from user_account where "
                    + column
                    + Jdbc.isAnyOf(chunk.size()),
                chunk,
                row -> {
                  if (tenantId.equals(Jdbc.uuid(row, 6))
                      && "LDAP".equals(row.getString(7))
                      && source.equals(row.getString(8))) {
                    keep.accept(row);
                  }
                });
          }
        });
    return members;
  }

  /**
   * Hands every user of {@code source} to {@code action} as a row of its DN, {@code column}, id,
   * directory UUID and disabled reason, read from the source index (V13), which holds them all: no
   * row, and no user's JSON, is read. By plain JDBC, in pages ({@link #PASS_PAGE} users) in DN
   * order: one statement over 110,000 users went through Hibernate's row handling and a temporary
   * file H2 wrote it to (too many rows to keep in memory), two thirds of an incremental run's 0.65
   * s in it. Not with H2's lazy query execution either, which would spare the file: a lazy result
   * reads pages of the snapshot it began with, which H2's background compaction may have dropped by
   * then ("Chunk … not found", h2database/h2database#4142 and #4383).
   *
   * <p>DNs are not unique, so a page ends inside the users of its last DN: those are read again in
   * full before the next page begins after that DN. A user may so be handed over twice, never
   * missed.
   */
  private void sourcePass(String column, String source, Jdbc.RowAction action) {
    Session session = session();
    Jdbc.query(session, sourcePassSelect(column, "is null"), List.of(tenantId, source), action);
    // A range on the DN for the first page too, not "is not null": H2 sorts what it reads for that.
    String page = sourcePassSelect(column, ">= ''") + " limit " + passPage;
    List<Object> parameters = List.of(tenantId, source);
    while (true) {
      String[] last = new String[1];
      int[] read = new int[1];
      Jdbc.query(
          session,
          page,
          parameters,
          row -> {
            last[0] = row.getString(1);
            read[0]++;
            action.accept(row);
          });
      if (read[0] < passPage) {
        return;
      }
      Jdbc.query(
          session, sourcePassSelect(column, "= ?"), List.of(tenantId, source, last[0]), action);
      page = sourcePassSelect(column, "> ?") + " limit " + passPage;
      parameters = List.of(tenantId, source, last[0]);
    }
  }

  /**
   * The columns a {@link StoredMember} is made of, as the row action of {@code membersBy} reads
   * them.
   */
  private static String memberColumns(String column) {
    return "select ldap_dn, " + column + ", id, ldap_uuid, disabled_reason";
  }

  /**
   * The users of a source whose DN passes {@code dnTest}, in the source index's order: an order
   * that begins with the index's first columns (fixed by the test anyway), for H2 to follow the
   * index instead of sorting what it reads.
   */
  static String sourcePassSelect(String column, String dnTest) {
    return memberColumns(column)
        + " from user_account where tenant_id = ? and source = 'LDAP' and source_name = ? and ldap_dn "
        + dnTest
        + " order by tenant_id, source, source_name, ldap_dn";
  }

  @Override
  public Map<String, NameHolder> nameHolders(String source, Collection<String> keys) {
    Map<String, NameHolder> holders = new HashMap<>();
    tx.run(
        () -> {
          for (List<String> chunk : Memberships.chunks(new HashSet<>(keys))) {
            session()
                .createSelectionQuery(
                    "select u.id, u.userName, u.userNameLower, u.source, u.sourceName, u.ldapUuid,"
                        + " u.tenantId from UserEntity u where u.userNameLower in (:names)",
                    Object[].class)
                .setParameterList("names", chunk)
                .getResultList()
                .stream()
                .filter(row -> tenantId.equals(row[6]))
                .forEach(
                    row -> {
                      boolean ldap = "LDAP".equals(row[3]);
                      holders.put(
                          (String) row[2],
                          new NameHolder(
                              (UUID) row[0],
                              (String) row[1],
                              ldap ? "LDAP:" + row[4] : (String) row[3],
                              ldap ? (String) row[5] : null));
                    });
          }
        });
    return holders;
  }

  /**
   * Every group of the tenant (groups are few): this source's mirrors, the local groups that name
   * directory groups, and the rest, whose names a mirrored group must not take. Each with the
   * digest of what it holds with this source's origin, when that digest is of its current version.
   */
  @Override
  public List<StoredGroup> groups(String source) {
    return tx.inTransaction(
        () -> {
          List<StoredGroup> groups = new ArrayList<>();
          session()
              .createNativeQuery(
                  "select g.id, g.source, g.source_name, g.ldap_uuid, g.display_name,"
                      + " g.ldap_group_names, d.digest from user_group g"
                      + " left join sync_group_digest d on d.group_id = g.id"
                      + " and d.origin = :origin and d.group_version = g.version"
                      + " where g.tenant_id = :tenant",
                  Object[].class)
              .setParameter("tenant", tenantId)
              .setParameter("origin", Origin.ldap(source).value())
              .getResultList()
              .forEach(
                  row -> {
                    boolean mirror = "LDAP".equals(row[1]) && source.equals(row[2]);
                    groups.add(
                        new StoredGroup(
                            Memberships.uuid(row[0]),
                            mirror ? (String) row[3] : null,
                            (String) row[4],
                            names((String) row[5]),
                            (String) row[6]));
                  });
          return groups;
        });
  }

  /**
   * Computes the digest of every group whose digest is missing or older than the group and that
   * holds memberships of this origin, a chunk of groups per transaction. The version is read before
   * the memberships: a change committed in between leaves a digest of the newer members under the
   * older version, which is never trusted, rather than the other way round.
   */
  @Override
  public void refreshHeldDigests(String source) {
    String origin = Origin.ldap(source).value();
    List<Object[]> stale =
        tx.inTransaction(
            () ->
                session()
                    .createNativeQuery(
                        "select g.id, g.version from user_group g where g.tenant_id = :tenant"
                            + " and exists (select 1 from membership m where m.group_id = g.id"
                            + " and m.origin = :origin) and not exists (select 1 from"
                            + " sync_group_digest d where d.group_id = g.id and d.origin = :origin"
                            + " and d.group_version = g.version)",
                        Object[].class)
                    .setParameter("tenant", tenantId)
                    .setParameter("origin", origin)
                    .getResultList());
    for (int from = 0; from < stale.size(); from += DIGEST_CHUNK) {
      List<Object[]> chunk = stale.subList(from, Math.min(stale.size(), from + DIGEST_CHUNK));
      tx.run(
          () -> {
            Map<UUID, MemberDigest> digests = new HashMap<>();
            List<UUID> ids = new ArrayList<>();
            chunk.forEach(row -> ids.add(Memberships.uuid(row[0])));
            ids.forEach(id -> digests.put(id, new MemberDigest()));
            memberships(source, ids).forEach(m -> digests.get(m.groupId()).add(m.userId()));
            for (Object[] row : chunk) {
              UUID id = Memberships.uuid(row[0]);
              session()
                  .createNativeMutationQuery(
                      "delete from sync_group_digest where group_id = :group and origin = :origin")
                  .setParameter("group", id)
                  .setParameter("origin", origin)
                  .executeUpdate();
              session()
                  .createNativeMutationQuery(
                      "insert into sync_group_digest (group_id, origin, digest, group_version)"
                          + " values (:group, :origin, :digest, :version)")
                  .setParameter("group", id)
                  .setParameter("origin", origin)
                  .setParameter("digest", digests.get(id).value())
                  .setParameter("version", ((Number) row[1]).longValue())
                  .executeUpdate();
            }
          });
    }
  }

  @Override
  public HeldCounts held(String source) {
    return tx.inTransaction(
        () -> {
          Object[] users =
              session()
                  .createSelectionQuery(
                      "select count(u), coalesce(sum(case when u.disabledReason = :left then 0"
                          + " else 1 end), 0) from UserEntity u where u.tenantId = :tenant"
                          + " and u.source = 'LDAP' and u.sourceName = :source",
                      Object[].class)
                  .setParameter("left", DisabledReason.LEFT_DIRECTORY)
                  .setParameter("tenant", tenantId)
                  .setParameter("source", source)
                  .getSingleResult();
          return new HeldCounts(((Number) users[0]).intValue(), ((Number) users[1]).intValue());
        });
  }

  @Override
  public int heldMemberships(String source) {
    return tx.inTransaction(
        () ->
            ((Number)
                    session()
                        .createNativeQuery(
                            "select count(*) from membership where tenant_id = :tenant"
                                + " and origin = :origin and user_id is not null",
                            Object.class)
                        .setParameter("tenant", tenantId)
                        .setParameter("origin", Origin.ldap(source).value())
                        .getSingleResult())
                .intValue());
  }

  /**
   * One probe per group of the tenant (groups are few) into the index led by group and origin (V9):
   * a scan of the membership table for its distinct groups would read every membership.
   */
  @Override
  public Set<UUID> groupsWithMemberships(String source) {
    return tx.inTransaction(
        () -> {
          Set<UUID> groups = new LinkedHashSet<>();
          session()
              .createNativeQuery(
                  "select g.id from user_group g where g.tenant_id = :tenant and exists"
                      + " (select 1 from membership m where m.group_id = g.id"
                      + " and m.origin = :origin)",
                  Object.class)
              .setParameter("tenant", tenantId)
              .setParameter("origin", Origin.ldap(source).value())
              .getResultList()
              .forEach(id -> groups.add(Memberships.uuid(id)));
          return groups;
        });
  }

  /**
   * Plain JDBC: a run compares every membership it holds, hundreds of thousands of rows, and only
   * two ids of each are needed. Only the IN list is in the condition (see {@link #usersBy}); the
   * origin and the member's kind are checked here.
   */
  @Override
  public List<StoredMembership> memberships(String source, Collection<UUID> groupIds) {
    String origin = Origin.ldap(source).value();
    return tx.inTransaction(
        () -> {
          List<StoredMembership> memberships = new ArrayList<>();
          for (List<UUID> chunk : Memberships.chunks(groupIds)) {
            session()
                .doWork(
                    connection -> {
                      String marks =
                          String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                      try (PreparedStatement select =
                          connection.prepareStatement(
                              "select group_id, user_id, origin from membership"
                                  + " where group_id in ("
                                  + marks
                                  + ")")) {
                        for (int i = 0; i < chunk.size(); i++) {
                          select.setObject(i + 1, chunk.get(i));
                        }
                        select.setFetchSize(FETCH);
                        try (ResultSet rows = select.executeQuery()) {
                          while (rows.next()) {
                            UUID user = rows.getObject(2, UUID.class);
                            if (user != null && origin.equals(rows.getString(3))) {
                              memberships.add(
                                  new StoredMembership(rows.getObject(1, UUID.class), user));
                            }
                          }
                        }
                      }
                    });
          }
          return memberships;
        });
  }

  /**
   * The source's users whose {@code field} is one of {@code values}, by that field's value: the
   * columns the planner compares, no entity. Only the IN list is in the query and the rest is
   * checked here (as in {@link #nameHolders}): H2 answers an IN list from an index only when
   * nothing else in the condition tempts it elsewhere.
   */
  private Map<String, StoredUser> usersBy(String field, String source, Collection<String> values) {
    Map<String, StoredUser> users = new HashMap<>();
    tx.run(
        () -> {
          for (List<String> chunk : Memberships.chunks(new HashSet<>(values))) {
            session()
                .createSelectionQuery(
                    "select "
                        + STORED_USER
                        + ", u.tenantId, u.source, u.sourceName from UserEntity u where "
                        + field
                        + " in (:values)",
                    Object[].class)
                .setParameterList("values", chunk)
                .getResultList()
                .forEach(
                    row -> {
                      if (tenantId.equals(row[7])
                          && "LDAP".equals(row[8])
                          && source.equals(row[9])) {
                        StoredUser user = stored(row);
                        users.put(user.anchor(), user);
                      }
                    });
          }
        });
    return users;
  }

  /** The columns of {@link #stored(Object[])}, for a query on {@code UserEntity u}. */
  static final String STORED_USER =
      "u.id, u.ldapUuid, u.ldapDn, u.userName, u.attributes, u.active, u.disabledReason";

  /** A user row as the planner compares it with its directory entry ({@link #STORED_USER}). */
  static StoredUser stored(Object[] row) {
    UserDetails details = StoredJson.readUser((String) row[4]);
    return new StoredUser(
        Memberships.uuid(row[0]),
        (String) row[1],
        (String) row[2],
        (String) row[3],
        details.name() == null ? null : details.name().givenName(),
        details.name() == null ? null : details.name().familyName(),
        details.displayName(),
        DirectoryAttributes.primaryEmail(details),
        Boolean.TRUE.equals(row[5]),
        DisabledReason.LEFT_DIRECTORY.equals(row[6]),
        DisabledReason.ADMIN.equals(row[6]));
  }

  @Override
  public void apply(String source, SyncPlan batch) {
    // Outside a run (a plan applied whole, a user provisioned at sign-in, possibly on another
    // thread while the source runs), the batch resolves its anchors itself.
    OpenRun open = runs.get(source);
    CreatedIds run =
        open != null && open.created().ownedByCurrentThread() ? open.created() : new CreatedIds();
    SyncPlanWriter writer =
        tx.inTransaction(
            () -> {
              SyncPlanWriter w =
                  new SyncPlanWriter(session(), tenantId, source, defaultProfiles.get(source), run);
              w.write(batch);
              return w;
            });
    writer.keepCreated();
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
