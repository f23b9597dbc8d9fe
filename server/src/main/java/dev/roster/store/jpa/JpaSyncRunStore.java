package dev.roster.store.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.domain.Clock;
import dev.roster.domain.SyncRun;
import dev.roster.store.Page;
import dev.roster.store.SyncRunStore;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

/** {@link SyncRunStore} in plain SQL over the session's connection (no entities needed). */
public final class JpaSyncRunStore implements SyncRunStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 4000;

  private final JpaTransactions tx;

  public JpaSyncRunStore(JpaTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void insert(UUID tenantId, SyncRun run) {
    session()
        .createNativeMutationQuery(
            "insert into sync_run (id, tenant_id, source, mode, status, started) values (:id, :tenant, :source, :mode, :status, :started)")
        .setParameter("id", run.id())
        .setParameter("tenant", tenantId)
        .setParameter("source", run.source())
        .setParameter("mode", run.mode())
        .setParameter("status", run.status())
        .setParameter("started", run.started())
        .executeUpdate();
  }

  @Override
  public void finish(SyncRun run, String planDigest) {
    session()
        .createNativeMutationQuery(
            "update sync_run set status = :status, finished = :finished, counts = :counts, reasons = :reasons,"
                + " error = :error, plan_digest = :digest where id = :id")
        .setParameter("status", run.status())
        .setParameter("finished", run.finished())
        .setParameter("counts", json(run.counts()))
        .setParameter("reasons", clip(json(run.reasons())))
        .setParameter("error", clip(run.error()))
        .setParameter("digest", planDigest)
        .setParameter("id", run.id())
        .executeUpdate();
  }

  @Override
  public Optional<String> planDigest(UUID runId) {
    return session()
        .createNativeQuery("select plan_digest from sync_run where id = :run", String.class)
        .setParameter("run", runId)
        .getResultList()
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  @Override
  public void addPlanLines(UUID runId, int firstLineNo, List<String> planLines) {
    if (planLines.isEmpty()) {
      return;
    }
    session()
        .doWork(
            connection -> {
              try (var insert =
                  connection.prepareStatement(
                      "insert into sync_plan_line (run_id, line_no, line) values (?, ?, ?)")) {
                for (int i = 0; i < planLines.size(); i++) {
                  insert.setObject(1, runId);
                  insert.setInt(2, firstLineNo + i);
                  insert.setString(3, clip(planLines.get(i)));
                  insert.addBatch();
                  if (i % 1000 == 999) {
                    insert.executeBatch();
                  }
                }
                insert.executeBatch();
              }
            });
  }

  @Override
  public Optional<SyncRun> find(UUID tenantId, UUID id) {
    return session()
        .createNativeQuery(SELECT + " where tenant_id = :tenant and id = :id", Object[].class)
        .setParameter("tenant", tenantId)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .findFirst()
        .map(JpaSyncRunStore::run);
  }

  @Override
  public List<String> planLines(UUID runId) {
    return session()
        .createNativeQuery(
            "select line from sync_plan_line where run_id = :run order by line_no", String.class)
        .setParameter("run", runId)
        .getResultList();
  }

  @Override
  public Page<SyncRun> list(UUID tenantId, int startIndex, int count) {
    long total =
        ((Number)
                session()
                    .createNativeQuery(
                        "select count(*) from sync_run where tenant_id = :tenant", Object.class)
                    .setParameter("tenant", tenantId)
                    .getSingleResult())
            .longValue();
    List<SyncRun> runs = new ArrayList<>();
    session()
        .createNativeQuery(
            SELECT + " where tenant_id = :tenant order by started desc, id desc", Object[].class)
        .setParameter("tenant", tenantId)
        .setFirstResult(startIndex - 1)
        .setMaxResults(count)
        .getResultList()
        .forEach(row -> runs.add(run(row)));
    return new Page<>(runs, total, startIndex);
  }

  @Override
  public OptionalLong acquireLease(String source, String holder, Duration ttl) {
    Instant now = Clock.now();
    Instant expires = now.plus(ttl);
    List<Object[]> current =
        session()
            .createNativeQuery(
                "select holder, fencing, expires from sync_lease where source = :source for update",
                Object[].class)
            .setParameter("source", source)
            .getResultList();
    if (current.isEmpty()) {
      try {
        session()
            .createNativeMutationQuery(
                "insert into sync_lease (source, holder, fencing, expires) values (:source, :holder, 1, :expires)")
            .setParameter("source", source)
            .setParameter("holder", holder)
            .setParameter("expires", expires)
            .executeUpdate();
        return OptionalLong.of(1);
      } catch (ConstraintViolationException e) {
        // Another run inserted the lease first; this transaction is spoiled, so end it.
        throw new dev.roster.domain.Conflict(
            "the lease of " + source + " was taken at the same moment");
      }
    }
    Object[] row = current.get(0);
    if (!holder.equals(row[0]) && instant(row[2]).isAfter(now)) {
      return OptionalLong.empty();
    }
    long fencing = ((Number) row[1]).longValue() + 1;
    session()
        .createNativeMutationQuery(
            "update sync_lease set holder = :holder, fencing = :fencing, expires = :expires where source = :source")
        .setParameter("holder", holder)
        .setParameter("fencing", fencing)
        .setParameter("expires", expires)
        .setParameter("source", source)
        .executeUpdate();
    return OptionalLong.of(fencing);
  }

  @Override
  public int failAbandonedRuns(Instant now) {
    return session()
        .createNativeMutationQuery(
            "update sync_run set status = 'failed', finished = :now,"
                + " error = 'interrupted: the node running it stopped before it finished'"
                + " where status = 'running'"
                + " and source not in (select source from sync_lease where expires > :now)")
        .setParameter("now", now)
        .executeUpdate();
  }

  @Override
  public boolean renewLease(String source, String holder, Duration ttl) {
    Instant now = Clock.now();
    List<Object[]> current =
        session()
            .createNativeQuery(
                "select holder, expires from sync_lease where source = :source for update",
                Object[].class)
            .setParameter("source", source)
            .getResultList();
    if (current.isEmpty()
        || !holder.equals(current.get(0)[0])
        || !instant(current.get(0)[1]).isAfter(now)) {
      return false;
    }
    session()
        .createNativeMutationQuery(
            "update sync_lease set expires = :expires where source = :source")
        .setParameter("expires", now.plus(ttl))
        .setParameter("source", source)
        .executeUpdate();
    return true;
  }

  @Override
  public void releaseLease(String source, String holder) {
    session()
        .createNativeMutationQuery(
            "update sync_lease set expires = :now where source = :source and holder = :holder")
        .setParameter("now", Clock.now())
        .setParameter("source", source)
        .setParameter("holder", holder)
        .executeUpdate();
  }

  private static final String SELECT =
      "select id, source, mode, status, started, finished, counts, reasons, error from sync_run";

  private static SyncRun run(Object[] row) {
    return new SyncRun(
        Memberships.uuid(row[0]),
        (String) row[1],
        (String) row[2],
        (String) row[3],
        instant(row[4]),
        row[5] == null ? null : instant(row[5]),
        row[6] == null
            ? Map.of()
            : read((String) row[6], new TypeReference<Map<String, Integer>>() {}),
        row[7] == null ? List.of() : read((String) row[7], new TypeReference<List<String>>() {}),
        (String) row[8]);
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    return OffsetDateTime.parse(value.toString()).toInstant();
  }

  private static String json(Object value) {
    try {
      return value == null ? null : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("sync_run holds invalid JSON", e);
    }
  }

  private static String clip(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }

  private Session session() {
    return tx.session();
  }
}
