package dev.roster.store.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.domain.Clock;
import dev.roster.sync.plan.Conflict;
import dev.roster.sync.plan.GroupChange;
import dev.roster.sync.plan.MembershipChange;
import dev.roster.sync.plan.PlanOrder;
import dev.roster.sync.plan.PlanRenderer;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.plan.UserChange;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.port.SyncWorkspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * A sync run's workspace in the database (V4__sync_workspace.sql): the anchors the read returned
 * and the userNames the plan takes as keys, the plan as rows read back in apply order. Every call
 * is its own short transaction, and a page read back is handed on after its transaction ends, so
 * the consumer may write (apply a batch) in transactions of its own.
 */
final class JpaSyncWorkspace implements SyncWorkspace {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final int CONFLICT = PlanOrder.of(new Conflict("", "", "", ""));
  private static final int READ_PAGE = 1000;
  private static final int CLOSE_SLICE = 10_000;

  private final JpaTransactions tx;
  private final UUID tenantId;
  private final String source;
  private final boolean postgres;
  private final UUID id;
  private long seq;

  private JpaSyncWorkspace(
      JpaTransactions tx, UUID tenantId, String source, boolean postgres, UUID id) {
    this.tx = tx;
    this.tenantId = tenantId;
    this.source = source;
    this.postgres = postgres;
    this.id = id;
  }

  /** A new workspace for a run of {@code source}; one an earlier run left behind is dropped. */
  static JpaSyncWorkspace open(JpaTransactions tx, UUID tenantId, String source, boolean postgres) {
    UUID id = UUID.randomUUID();
    tx.run(
        () -> {
          Session session = tx.session();
          session
              .createNativeMutationQuery("delete from sync_workspace where source = :source")
              .setParameter("source", source)
              .executeUpdate();
          session
              .createNativeMutationQuery(
                  "insert into sync_workspace (id, source, created) values (:id, :source, :now)")
              .setParameter("id", id)
              .setParameter("source", source)
              .setParameter("now", Clock.now())
              .executeUpdate();
        });
    return new JpaSyncWorkspace(tx, tenantId, source, postgres, id);
  }

  @Override
  public Set<String> see(Collection<String> anchors) {
    return tx.inTransaction(
        () -> {
          Set<String> again = keys("A", anchors);
          Set<String> fresh = new LinkedHashSet<>(anchors);
          fresh.removeAll(again);
          insertKeys("A", fresh);
          return again;
        });
  }

  @Override
  public Set<String> seen(Collection<String> anchors) {
    return tx.inTransaction(() -> keys("A", anchors));
  }

  @Override
  public void claim(Collection<String> userNameKeys) {
    tx.run(
        () -> {
          Set<String> fresh = new LinkedHashSet<>(userNameKeys);
          fresh.removeAll(keys("N", fresh));
          insertKeys("N", fresh);
        });
  }

  @Override
  public Set<String> claimed(Collection<String> userNameKeys) {
    return tx.inTransaction(() -> keys("N", userNameKeys));
  }

  @Override
  public void forEachUnseen(int pageSize, Consumer<List<StoredUser>> page) {
    String after = "";
    while (true) {
      String from = after;
      List<StoredUser> users =
          tx.inTransaction(
              () -> {
                List<StoredUser> result = new ArrayList<>();
                session()
                    .createNativeQuery(
                        "select u.id, u.ldap_uuid, u.ldap_dn, u.user_name, u.attributes, u.active,"
                            + " u.disabled_reason from user_account u where u.tenant_id = :tenant"
                            + " and u.source = 'LDAP' and u.source_name = :source"
                            + " and u.ldap_uuid is not null and u.ldap_uuid"
                            + collated()
                            + " > :after"
                            + " and not exists (select 1 from sync_workspace_key k"
                            + " where k.workspace_id = :workspace and k.kind = 'A'"
                            + " and k.key_value = u.ldap_uuid)"
                            + " order by u.ldap_uuid"
                            + collated(),
                        Object[].class)
                    .setParameter("tenant", tenantId)
                    .setParameter("source", source)
                    .setParameter("after", from)
                    .setParameter("workspace", id)
                    .setMaxResults(pageSize)
                    .getResultList()
                    .forEach(row -> result.add(JpaSyncStore.stored(row)));
                return result;
              });
      if (users.isEmpty()) {
        return;
      }
      page.accept(users);
      after = users.get(users.size() - 1).anchor();
    }
  }

  @Override
  public void add(SyncPlan part) {
    List<Object> changes = new ArrayList<>(part.users());
    changes.addAll(part.groups());
    changes.addAll(part.memberships());
    changes.addAll(part.conflicts());
    if (changes.isEmpty()) {
      return;
    }
    tx.run(
        () ->
            session()
                .doWork(
                    connection -> {
                      try (var insert =
                          connection.prepareStatement(
                              "insert into sync_workspace_change"
                                  + " (workspace_id, seq, kind, line, payload)"
                                  + " values (?, ?, ?, ?, ?)")) {
                        for (Object change : changes) {
                          int kind = PlanOrder.of(change);
                          insert.setObject(1, id);
                          insert.setLong(2, seq++);
                          insert.setInt(3, kind);
                          insert.setString(4, clip(PlanRenderer.line(change)));
                          insert.setString(5, kind == CONFLICT ? null : json(change));
                          insert.addBatch();
                        }
                        insert.executeBatch();
                      }
                    }));
  }

  @Override
  public void forEachBatch(int batchSize, Consumer<SyncPlan> batch) {
    // Kind by kind, each a walk of the (workspace, kind, seq) index: a batch never mixes kinds.
    // The order names all three columns so that H2 reads the index in order instead of sorting.
    for (int kind = 0; kind < CONFLICT; kind++) {
      long after = -1;
      while (true) {
        int currentKind = kind;
        long from = after;
        List<Object[]> rows =
            tx.inTransaction(
                () ->
                    session()
                        .createNativeQuery(
                            "select seq, payload from sync_workspace_change"
                                + " where workspace_id = :workspace and kind = :kind"
                                + " and seq > :seq order by workspace_id, kind, seq",
                            Object[].class)
                        .setParameter("workspace", id)
                        .setParameter("kind", currentKind)
                        .setParameter("seq", from)
                        .setMaxResults(batchSize)
                        .getResultList());
        if (rows.isEmpty()) {
          break;
        }
        batch.accept(plan(currentKind, rows));
        after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
      }
    }
  }

  private SyncPlan plan(int kind, List<Object[]> rows) {
    List<UserChange> users = new ArrayList<>();
    List<GroupChange> groups = new ArrayList<>();
    List<MembershipChange> memberships = new ArrayList<>();
    for (Object[] row : rows) {
      Object change = change(kind, (String) row[1]);
      if (change instanceof UserChange user) {
        users.add(user);
      } else if (change instanceof GroupChange group) {
        groups.add(group);
      } else {
        memberships.add((MembershipChange) change);
      }
    }
    return new SyncPlan(source, users, groups, memberships, List.of());
  }

  /**
   * One query, its rows streamed: the sort is the database's, done once. The consumer runs inside
   * this transaction (a caller copying the lines elsewhere writes in it too).
   */
  @Override
  public void forEachLine(Consumer<String> line) {
    tx.run(
        () -> {
          try (var lines =
              session()
                  .createNativeQuery(
                      "select line from sync_workspace_change where workspace_id = :workspace"
                          + " order by line"
                          + collated()
                          + ", seq",
                      String.class)
                  .setParameter("workspace", id)
                  .setFetchSize(READ_PAGE)
                  .getResultStream()) {
            lines.forEach(line);
          }
        });
  }

  /**
   * Deletes the rows a slice at a time, each slice its own transaction: one transaction deleting a
   * large run's hundreds of thousands of rows would be slow and heavy (H2 keeps its undo log in
   * memory).
   */
  @Override
  public void close() {
    for (long from = 0; from < seq; from += CLOSE_SLICE) {
      long start = from;
      tx.run(
          () ->
              session()
                  .createNativeMutationQuery(
                      "delete from sync_workspace_change where workspace_id = :id"
                          + " and seq >= :from and seq < :to")
                  .setParameter("id", id)
                  .setParameter("from", start)
                  .setParameter("to", start + CLOSE_SLICE)
                  .executeUpdate());
    }
    for (String kind : List.of("A", "N")) {
      tx.run(
          () ->
              session()
                  .createNativeMutationQuery(
                      "delete from sync_workspace_key where workspace_id = :id and kind = :kind")
                  .setParameter("id", id)
                  .setParameter("kind", kind)
                  .executeUpdate());
    }
    tx.run(
        () ->
            session()
                .createNativeMutationQuery("delete from sync_workspace where id = :id")
                .setParameter("id", id)
                .executeUpdate());
  }

  /** Text compared as Java compares it on PostgreSQL too, whose default collation may not. */
  private String collated() {
    return postgres ? " collate \"C\"" : "";
  }

  private Set<String> keys(String kind, Collection<String> values) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : Memberships.chunks(new HashSet<>(values))) {
      found.addAll(
          session()
              .createNativeQuery(
                  "select key_value from sync_workspace_key where workspace_id = :workspace"
                      + " and kind = :kind and key_value in (:values)",
                  String.class)
              .setParameter("workspace", id)
              .setParameter("kind", kind)
              .setParameterList("values", chunk)
              .getResultList());
    }
    return found;
  }

  private void insertKeys(String kind, Collection<String> values) {
    if (values.isEmpty()) {
      return;
    }
    session()
        .doWork(
            connection -> {
              try (var insert =
                  connection.prepareStatement(
                      "insert into sync_workspace_key (workspace_id, kind, key_value)"
                          + " values (?, ?, ?)")) {
                for (String value : values) {
                  insert.setObject(1, id);
                  insert.setString(2, kind);
                  insert.setString(3, value);
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
  }

  private static String json(Object change) {
    try {
      return JSON.writeValueAsString(change);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan change did not serialize: " + change.getClass(), e);
    }
  }

  private static Object change(int kind, String payload) {
    try {
      return JSON.readValue(payload, PlanOrder.kind(kind));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a spooled plan change did not read back, kind " + kind, e);
    }
  }

  private static String clip(String line) {
    return line.length() <= 4000 ? line : line.substring(0, 3997) + "...";
  }

  private Session session() {
    return tx.session();
  }
}
