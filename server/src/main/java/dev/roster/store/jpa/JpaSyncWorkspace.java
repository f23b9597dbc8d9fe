package dev.roster.store.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.sync.plan.Conflict;
import dev.roster.sync.plan.GroupChange;
import dev.roster.sync.plan.MembershipChange;
import dev.roster.sync.plan.PlanOrder;
import dev.roster.sync.plan.PlanRenderer;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.plan.UserChange;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.port.SyncWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * A sync run's workspace: the plan in a scratch file of the run's own ({@link PlanSpool}) read back
 * in apply order; the anchors the read returned and the userNames the plan takes as digests in
 * memory ({@link KeyDigests}, 32 to 64 bytes a key); the source's stored users the read missed from
 * the database, each page in a short transaction of its own. A page of the plan is handed on
 * outside any transaction, so the consumer may write (apply a batch) in transactions of its own.
 */
final class JpaSyncWorkspace implements SyncWorkspace {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final int CONFLICT = PlanOrder.of(new Conflict("", "", "", ""));
  private static final int ANCHOR_PAGE = 10_000;

  private final JpaTransactions tx;
  private final UUID tenantId;
  private final String source;
  private final boolean postgres;
  private final PlanSpool spool;
  private final Function<Collection<String>, Map<String, StoredUser>> usersByAnchor;
  private final KeyDigests seen = new KeyDigests();
  private final KeyDigests claimed = new KeyDigests();
  private final Consumer<JpaSyncWorkspace> onClose;
  private boolean closed;

  private JpaSyncWorkspace(
      JpaTransactions tx,
      UUID tenantId,
      String source,
      boolean postgres,
      PlanSpool spool,
      Function<Collection<String>, Map<String, StoredUser>> usersByAnchor,
      Consumer<JpaSyncWorkspace> onClose) {
    this.tx = tx;
    this.tenantId = tenantId;
    this.source = source;
    this.postgres = postgres;
    this.spool = spool;
    this.usersByAnchor = usersByAnchor;
    this.onClose = onClose;
  }

  /**
   * A new workspace for a run of {@code source}, its plan spooled under {@code spoolDirectory}.
   *
   * @param usersByAnchor the source's stored users by anchor, to hand on those the read missed
   * @param onClose what to do with the workspace once it is dropped (the run is over)
   */
  static JpaSyncWorkspace open(
      JpaTransactions tx,
      UUID tenantId,
      String source,
      boolean postgres,
      Path spoolDirectory,
      Function<Collection<String>, Map<String, StoredUser>> usersByAnchor,
      Consumer<JpaSyncWorkspace> onClose) {
    return new JpaSyncWorkspace(
        tx, tenantId, source, postgres, PlanSpool.create(spoolDirectory), usersByAnchor, onClose);
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
    // One entry of the spool per kind: a part is a page of the read or a chunk of groups.
    Map<Integer, List<String>> byKind = new TreeMap<>();
    for (Object change : changes) {
      byKind.computeIfAbsent(PlanOrder.of(change), k -> new ArrayList<>()).add(json(change));
    }
    byKind.forEach(spool::add);
  }

  @Override
  public void forEachBatch(int batchSize, Consumer<SyncPlan> batch) {
    // Kind by kind: a batch never mixes kinds.
    for (int kind = 0; kind < CONFLICT; kind++) {
      int currentKind = kind;
      spool.forEachOfKind(kind, batchSize, payloads -> batch.accept(plan(currentKind, payloads)));
    }
  }

  private SyncPlan plan(int kind, List<String> payloads) {
    List<UserChange> users = new ArrayList<>();
    List<GroupChange> groups = new ArrayList<>();
    List<MembershipChange> memberships = new ArrayList<>();
    for (String payload : payloads) {
      Object change = change(kind, payload);
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

  /** The lines are made from the spooled changes at the first call (a dry run, a blocked run). */
  @Override
  public void forEachLine(Consumer<String> line) {
    spool.forEachLine(
        CONFLICT + 1, (kind, payload) -> clip(PlanRenderer.line(change(kind, payload))), line);
  }

  /** Drops the spool with the plan; the run is over. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      onClose.accept(this);
    } finally {
      spool.close();
    }
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
