package dev.roster.directory;

import dev.roster.domain.Clock;
import dev.roster.domain.InProgress;
import dev.roster.domain.Invalid;
import dev.roster.domain.NotFound;
import dev.roster.domain.SyncRun;
import dev.roster.store.Page;
import dev.roster.store.SyncRunStore;
import dev.roster.store.Transactions;
import dev.roster.sync.SyncMode;
import dev.roster.sync.SyncOutcome;
import dev.roster.sync.Synchronizer;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.plan.PlanCounts;
import dev.roster.sync.plan.SpooledPlan;
import dev.roster.sync.port.SyncStore;
import dev.roster.sync.read.DirectoryReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the synchronizer for configured sources and records every run. One node runs a source at a
 * time: a run first takes the source's lease in the database, so concurrent triggers (on this node
 * or another sharing the database) end in one run and one refusal.
 */
public final class DirectorySync {
  private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);

  /** Longer than any run should take; a node that dies mid-run frees the source after it. */
  private static final Duration LEASE = Duration.ofMinutes(30);

  private final Transactions tx;
  private final SyncRunStore runs;
  private final DirectoryReader reader;
  private final SyncStore store;
  private final int batchSize;
  private final Map<String, SourceSettings> sources = new LinkedHashMap<>();
  private final UUID tenantId;
  private final String node = "node-" + UUID.randomUUID();

  public DirectorySync(
      Transactions tx,
      SyncRunStore runs,
      DirectoryReader reader,
      SyncStore store,
      int batchSize,
      List<SourceSettings> sources,
      UUID tenantId) {
    this.tx = tx;
    this.runs = runs;
    this.reader = reader;
    this.store = store;
    this.batchSize = batchSize;
    this.tenantId = tenantId;
    sources.forEach(source -> this.sources.put(source.name(), source));
  }

  public List<SourceSettings> sources() {
    return List.copyOf(sources.values());
  }

  /** Runs one source now and returns the recorded run. */
  public SyncRun run(String sourceName, SyncMode mode) {
    SourceSettings source = source(sourceName);
    return underLease(
        sourceName,
        label(mode),
        mode == SyncMode.DRY_RUN,
        synchronizer -> synchronizer.run(source, mode));
  }

  /**
   * Applies the plan a safety limit blocked, exactly as it was: the synchronizer re-reads the
   * directory and refuses when the plan it would make now differs.
   */
  public SyncRun approve(UUID runId) {
    SyncRun blocked = find(runId).orElseThrow(() -> new NotFound("no sync run with id " + runId));
    if (!blocked.status().equals("blocked_by_safety_limit")) {
      throw new Invalid(
          "status",
          "only a run blocked by a safety limit can be approved; this one is " + blocked.status());
    }
    SourceSettings source = source(blocked.source());
    String digest =
        tx.inTransaction(() -> runs.planDigest(runId))
            .orElseThrow(() -> new Invalid("id", "this run kept no plan to approve"));
    return underLease(
        blocked.source(),
        "approved",
        false,
        synchronizer -> synchronizer.applyApproved(source, digest));
  }

  /**
   * Takes the source's lease (or refuses with 409), records the run as it starts and as it ends,
   * and gives the lease back whatever happened.
   */
  private SyncRun underLease(
      String sourceName, String mode, boolean keepPlan, Function<Synchronizer, SyncOutcome> work) {
    // The holder names this run, not just this node: two triggers on one node exclude each other
    // too.
    String holder = node + "/" + UUID.randomUUID();
    if (acquire(sourceName, holder).isEmpty()) {
      throw new InProgress("a run of source '" + sourceName + "' is already in progress");
    }
    try {
      SyncRun started =
          new SyncRun(
              UUID.randomUUID(),
              sourceName,
              mode,
              "running",
              Clock.now(),
              null,
              Map.of(),
              List.of(),
              null);
      tx.run(() -> runs.insert(tenantId, started));
      Synchronizer synchronizer =
          new Synchronizer(reader, new LeasedSyncStore(store, tx, runs, holder, LEASE), batchSize);
      return record(started, outcome(() -> work.apply(synchronizer)), keepPlan, holder);
    } finally {
      // Normally released with the run's record; this covers a failure before it.
      tx.run(() -> runs.releaseLease(sourceName, holder));
    }
  }

  /** Runs left "running" by a node that stopped are recorded as failed (at start). */
  public void failAbandonedRuns() {
    int failed = tx.inTransaction(() -> runs.failAbandonedRuns(Clock.now()));
    if (failed > 0) {
      LOG.warn("sync runs={} were interrupted by a stop and are now marked failed", failed);
    }
  }

  public Optional<SyncRun> find(UUID id) {
    return tx.inTransaction(() -> runs.find(tenantId, id));
  }

  public List<String> planLines(UUID id) {
    return tx.inTransaction(() -> runs.planLines(id));
  }

  public Page<SyncRun> list(int startIndex, int count) {
    return tx.inTransaction(() -> runs.list(tenantId, startIndex, count));
  }

  private SourceSettings source(String name) {
    SourceSettings source = sources.get(name);
    if (source == null) {
      throw new NotFound(
          "no LDAP source named '"
              + name
              + "'; configured: "
              + String.join(", ", sources.keySet()));
    }
    return source;
  }

  private OptionalLong acquire(String source, String holder) {
    try {
      return tx.inTransaction(() -> runs.acquireLease(source, holder, LEASE));
    } catch (dev.roster.domain.Conflict e) {
      // Two runs inserting the first lease at once: the loser's insert fails.
      return OptionalLong.empty();
    }
  }

  /**
   * An unexpected failure fails the run (logged with an id); it never escapes as a half-run. That
   * includes an Error such as running out of memory: what the run held is unreachable by now, and a
   * run left "running" would hide the failure until the next start.
   */
  private static SyncOutcome outcome(Supplier<SyncOutcome> run) {
    try {
      return run.get();
    } catch (RuntimeException | Error e) {
      String id = UUID.randomUUID().toString();
      LOG.error("sync failed id={}", id, e);
      return SyncOutcome.failed(
          e instanceof dev.roster.domain.RosterException
              ? e.getMessage()
              : "internal error, id=" + id);
    }
  }

  private SyncRun record(SyncRun started, SyncOutcome outcome, boolean keepPlan, String holder) {
    String status = outcome.status().name().toLowerCase();
    boolean blocked = outcome.status() == SyncOutcome.Status.BLOCKED_BY_SAFETY_LIMIT;
    String digest = outcome.plan() == null ? null : outcome.plan().digest();
    // Before the lease goes: the next run of the source would otherwise wait for this cleanup.
    try {
      if ((keepPlan || blocked) && outcome.plan() != null) {
        keepLines(started.id(), outcome.plan());
      }
    } finally {
      try {
        outcome.close();
      } catch (RuntimeException e) {
        LOG.warn(
            "sync workspace not dropped source={}; the next run drops it", started.source(), e);
      }
    }
    // Finished once its workspace is dropped: a first run of 100,000 users spends seconds there,
    // which a run's duration would otherwise leave out.
    SyncRun finished =
        new SyncRun(
            started.id(),
            started.source(),
            started.mode(),
            status,
            started.started(),
            Clock.now(),
            outcome.plan() == null ? Map.of() : counts(outcome.plan().counts()),
            outcome.verdict() == null ? List.of() : outcome.verdict().reasons(),
            outcome.error());
    // One transaction: whoever sees the run finished can start the next one.
    tx.run(
        () -> {
          runs.finish(finished, digest);
          runs.releaseLease(started.source(), holder);
        });
    String counts = outcome.plan() == null ? "" : " " + outcome.plan().counts();
    if (outcome.error() != null) {
      LOG.warn(
          "sync source={} mode={} status={} error={}",
          started.source(),
          started.mode(),
          status,
          outcome.error());
    } else if (blocked) {
      LOG.warn(
          "sync source={} mode={} status={} reasons={}{}",
          started.source(),
          started.mode(),
          status,
          finished.reasons(),
          counts);
    } else {
      LOG.info(
          "sync source={} mode={} status={}{}", started.source(), started.mode(), status, counts);
    }
    return finished;
  }

  /** Copies the plan's lines to the run's record, a thousand per transaction. */
  private void keepLines(UUID runId, SpooledPlan plan) {
    List<String> chunk = new ArrayList<>();
    int[] next = {0};
    plan.forEachLine(
        line -> {
          chunk.add(line);
          if (chunk.size() == 1000) {
            int first = next[0];
            tx.run(() -> runs.addPlanLines(runId, first, chunk));
            next[0] += chunk.size();
            chunk.clear();
          }
        });
    int first = next[0];
    tx.run(() -> runs.addPlanLines(runId, first, chunk));
  }

  private static Map<String, Integer> counts(PlanCounts c) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("usersCreated", c.usersCreated());
    counts.put("usersUpdated", c.usersUpdated());
    counts.put("usersDisabled", c.usersDisabled());
    counts.put("usersEnabled", c.usersEnabled());
    counts.put("usersDeleted", c.usersDeleted());
    counts.put("usersAdopted", c.usersAdopted());
    counts.put("groupsCreated", c.groupsCreated());
    counts.put("groupsRenamed", c.groupsRenamed());
    counts.put("groupsDeleted", c.groupsDeleted());
    counts.put("membershipsAdded", c.membershipsAdded());
    counts.put("membershipsRemoved", c.membershipsRemoved());
    counts.put("conflicts", c.conflicts());
    return counts;
  }

  private static String label(SyncMode mode) {
    return switch (mode) {
      case FULL -> "full";
      case INCREMENTAL -> "incremental";
      case DRY_RUN -> "dry-run";
    };
  }
}
