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
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * A sync run's workspace: the plan as rows in the database (V4, V14) read back in apply order; the
 * anchors the read returned and the userNames the plan takes as digests in memory ({@link
 * KeyDigests}, 32 to 64 bytes a key). Every call is its own short transaction, and a page read back
 * is handed on after its transaction ends, so the consumer may write (apply a batch) in
 * transactions of its own.
 */
final class JpaSyncWorkspace implements SyncWorkspace {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final int CONFLICT = PlanOrder.of(new Conflict("", "", "", ""));
  private static final int READ_PAGE = 1000;
  private static final int CLOSE_SLICE = 10_000;
  private static final int ANCHOR_PAGE = 10_000;

  private final JpaTransactions tx;
  private final UUID tenantId;
  private final String source;
  private final boolean postgres;
  private final UUID id;
  private final Function<Collection<String>, Map<String, StoredUser>> usersByAnchor;
  private final KeyDigests seen = new KeyDigests();
  private final KeyDigests claimed = new KeyDigests();
  private final Runnable onClose;
  private long seq;

  /** Per kind, the first and the last seq spooled (-1: none), the ranges close deletes. */
  private final long[] firstSeq = new long[CONFLICT + 1];

  private final long[] lastSeq = new long[CONFLICT + 1];

  private JpaSyncWorkspace(
      JpaTransactions tx,
      UUID tenantId,
      String source,
      boolean postgres,
      UUID id,
      Function<Collection<String>, Map<String, StoredUser>> usersByAnchor,
      Runnable onClose) {
    this.tx = tx;
    this.tenantId = tenantId;
    this.source = source;
    this.postgres = postgres;
    this.id = id;
    this.usersByAnchor = usersByAnchor;
    this.onClose = onClose;
    Arrays.fill(firstSeq, -1);
    Arrays.fill(lastSeq, -1);
  }

  /**
   * A new workspace for a run of {@code source}; one an earlier run left behind is dropped.
   *
   * @param usersByAnchor the source's stored users by anchor, to hand on those the read missed
   * @param onClose what to run once the workspace is dropped (the run is over)
   */
  static JpaSyncWorkspace open(
      JpaTransactions tx,
      UUID tenantId,
      String source,
      boolean postgres,
      Function<Collection<String>, Map<String, StoredUser>> usersByAnchor,
      Runnable onClose) {
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
    return new JpaSyncWorkspace(tx, tenantId, source, postgres, id, usersByAnchor, onClose);
  }

  @Override
  public Set<String> see(Collection<String> anchors) {
    Set<String> again = new HashSet<>();
    for (String anchor : new LinkedHashSet<>(anchors)) {
      if (!seen.add(anchor)) {
        again.add(anchor);
      }
    }
    return again;
  }

  @Override
  public Set<String> seen(Collection<String> anchors) {
    return among(seen, anchors);
  }

  @Override
  public void claim(Collection<String> userNameKeys) {
    userNameKeys.forEach(claimed::add);
  }

  @Override
  public Set<String> claimed(Collection<String> userNameKeys) {
    return among(claimed, userNameKeys);
  }

  /**
   * The source's anchors a large page at a time, in order, from the index on anchors; only the
   * users among them the read did not return are loaded (in an unchanged run, none), and only those
   * of source LDAP ({@code usersByAnchor} checks): the scan names only the index's columns, so that
   * H2 reads no rows. Its order names every column of that index (tenant, source name, anchor):
   * ordered by the anchor alone, H2 read and sorted every remaining row for each page.
   */
  @Override
  public void forEachUnseen(int pageSize, Consumer<List<StoredUser>> page) {
    String after = "";
    while (true) {
      String from = after;
      List<String> anchors =
          tx.inTransaction(
              () ->
                  session()
                      .createNativeQuery(
                          "select u.ldap_uuid from user_account u where u.tenant_id = :tenant"
                              + " and u.source_name = :source and u.ldap_uuid"
                              + collated()
                              + " > :after order by u.tenant_id, u.source_name, u.ldap_uuid"
                              + collated(),
                          String.class)
                      .setParameter("tenant", tenantId)
                      .setParameter("source", source)
                      .setParameter("after", from)
                      .setMaxResults(ANCHOR_PAGE)
                      .getResultList());
      if (anchors.isEmpty()) {
        return;
      }
      List<String> unseen = new ArrayList<>();
      for (String anchor : anchors) {
        if (!seen.contains(anchor)) {
          unseen.add(anchor);
        }
      }
      for (int start = 0; start < unseen.size(); start += pageSize) {
        List<String> chunk = unseen.subList(start, Math.min(unseen.size(), start + pageSize));
        List<StoredUser> users = new ArrayList<>(usersByAnchor.apply(chunk).values());
        users.sort(Comparator.comparing(StoredUser::anchor));
        page.accept(users);
      }
      after = anchors.get(anchors.size() - 1);
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
                              "insert into sync_plan_change"
                                  + " (workspace_id, seq, kind, line, payload)"
                                  + " values (?, ?, ?, ?, ?)")) {
                        for (Object change : changes) {
                          int kind = PlanOrder.of(change);
                          if (firstSeq[kind] < 0) {
                            firstSeq[kind] = seq;
                          }
                          lastSeq[kind] = seq;
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
    // Kind by kind, each a walk of the (workspace, kind, seq) key: a batch never mixes kinds.
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
                            "select seq, payload from sync_plan_change"
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
                      "select line from sync_plan_change where workspace_id = :workspace"
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
   * memory). Kind by kind, so that each slice is a range of the key.
   */
  @Override
  public void close() {
    onClose.run();
    for (int kind = 0; kind <= CONFLICT; kind++) {
      if (firstSeq[kind] < 0) {
        continue;
      }
      for (long from = firstSeq[kind]; from <= lastSeq[kind]; from += CLOSE_SLICE) {
        int currentKind = kind;
        long start = from;
        tx.run(
            () ->
                session()
                    .createNativeMutationQuery(
                        "delete from sync_plan_change where workspace_id = :id"
                            + " and kind = :kind and seq >= :from and seq < :to")
                    .setParameter("id", id)
                    .setParameter("kind", currentKind)
                    .setParameter("from", start)
                    .setParameter("to", start + CLOSE_SLICE)
                    .executeUpdate());
      }
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

  private static Set<String> among(KeyDigests digests, Collection<String> keys) {
    Set<String> found = new HashSet<>();
    for (String key : keys) {
      if (digests.contains(key)) {
        found.add(key);
      }
    }
    return found;
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
