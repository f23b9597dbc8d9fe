package dev.roster.sync;

import dev.roster.sync.apply.Applier;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryDelta;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.PlanSummary;
import dev.roster.sync.plan.RunPlanner;
import dev.roster.sync.plan.SafetyCheck;
import dev.roster.sync.plan.SafetyVerdict;
import dev.roster.sync.plan.SpooledPlan;
import dev.roster.sync.port.SyncStore;
import dev.roster.sync.port.SyncWorkspace;
import dev.roster.sync.read.CursoredRead;
import dev.roster.sync.read.DirectoryReadException;
import dev.roster.sync.read.DirectoryReader;
import dev.roster.sync.read.FullRead;
import dev.roster.sync.read.ReadSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation of a directory source with the store: read, plan, check, apply. A dry run is
 * the same code stopping after the check; a blocked run keeps its plan, and {@link #applyApproved}
 * applies exactly that plan once a person has approved it.
 *
 * <pre>{@code
 * try (SyncOutcome outcome = new Synchronizer(new DirectoryReader(), store, 500).run(source, FULL)) {
 *   log.info("status={} {}", outcome.status(), outcome.plan().counts());
 * }
 * }</pre>
 *
 * <p>A full run is planned as the directory is read, a page of users at a time, into a workspace
 * the store keeps ({@link RunPlanner}): its memory is bounded by the page size and the groups, not
 * by the number of users, and the plan is applied from the workspace in batches.
 *
 * <p>A read that fails in any way writes nothing ("empty" is never "gone"). A full run that applied
 * its plan keeps the directory's cursor through the port, and an {@link SyncMode#INCREMENTAL} run
 * reads only what changed since the kept cursor ({@link DirectoryReader#readChanges}) and plans it
 * with {@link Planner#planIncremental}; without a usable cursor it is a full run. An incremental
 * run disables or deletes only the users the directory named as deleted (content synchronization),
 * so the next full run reconciles what timestamps cannot show: incremental runs then a full one
 * give the state of the full one alone. The cursor is saved only after a plan was applied
 * completely: never after a dry, blocked or failed run, so the next run reads those changes again.
 */
public final class Synchronizer {
  private static final Logger log = LoggerFactory.getLogger(Synchronizer.class);

  private final DirectoryReader reader;
  private final SyncStore store;
  private final Applier applier;
  private final int batchSize;
  private final SafetyCheck safety = new SafetyCheck();

  public Synchronizer(DirectoryReader reader, SyncStore store, int batchSize) {
    this.reader = reader;
    this.store = store;
    this.batchSize = batchSize;
    this.applier = new Applier(store, batchSize);
  }

  /** Runs {@code source} once; the caller closes the outcome once it has kept what it wants. */
  public SyncOutcome run(SourceSettings source, SyncMode mode) {
    SyncWorkspace work = store.open(source.name());
    Planned planned;
    try {
      planned =
          mode == SyncMode.INCREMENTAL ? planIncremental(source, work) : planFull(source, work);
    } catch (DirectoryReadException e) {
      work.close();
      log.debug("sync failed source={} mode={} resultCode={}", source.name(), mode, e.resultCode());
      return SyncOutcome.failed(e.getMessage());
    } catch (RuntimeException | Error e) {
      work.close();
      throw e;
    }
    if (mode == SyncMode.DRY_RUN || planned.verdict.blocked()) {
      SyncOutcome outcome = new SyncOutcome(planned.plan, planned.verdict, false, null);
      logged(source, mode, outcome);
      return outcome;
    }
    return logged(source, mode, applyAndKeepCursor(source, planned, planned.verdict));
  }

  /**
   * Applies a plan a person approved (typically one the safety check blocked), provided the
   * directory and the store still give the same plan: the run re-reads and re-plans, and refuses if
   * the new plan's digest differs from {@code approvedDigest} ({@link SpooledPlan#digest()}). What
   * is applied is the fresh plan, which has the same changes but carries the attribute values read
   * now. The safety check is waived — the approval is the check — so the outcome's verdict is
   * {@link SafetyVerdict#ok()}.
   */
  public SyncOutcome applyApproved(SourceSettings source, String approvedDigest) {
    SyncWorkspace work = store.open(source.name());
    Planned planned;
    try {
      planned = planFull(source, work);
    } catch (DirectoryReadException e) {
      work.close();
      log.debug("sync approval failed source={} resultCode={}", source.name(), e.resultCode());
      return SyncOutcome.failed(e.getMessage());
    } catch (RuntimeException | Error e) {
      work.close();
      throw e;
    }
    if (!planned.plan.digest().equals(approvedDigest)) {
      log.debug("sync approval refused source={} reason=directoryChanged", source.name());
      return new SyncOutcome(
          planned.plan, planned.verdict, false, "the directory changed since the plan was made");
    }
    return logged(source, "APPROVED", applyAndKeepCursor(source, planned, SafetyVerdict.ok()));
  }

  private Planned planFull(SourceSettings source, SyncWorkspace work)
      throws DirectoryReadException {
    RunPlanner planner = new RunPlanner(source, store, work, batchSize, false);
    FullRead read =
        reader.readAll(
            source,
            new ReadSink() {
              @Override
              public void groups(List<DirectoryGroup> groups) {
                planner.groups(groups);
              }

              @Override
              public Set<String> users(
                  List<DirectoryUser> page, Map<String, Set<String>> memberOf) {
                return planner.users(page, memberOf);
              }
            });
    return planned(source, work, planner.finishFull(read.skippedEntries()), read.cursor());
  }

  private Planned planIncremental(SourceSettings source, SyncWorkspace work)
      throws DirectoryReadException {
    Optional<String> cursor = store.cursor(source.name());
    Optional<CursoredRead<DirectoryDelta>> read =
        cursor.isEmpty() ? Optional.empty() : reader.readChanges(source, cursor.get());
    if (read.isEmpty()) {
      log.debug(
          "sync incremental reads in full source={} cursor={}", source.name(), cursor.isPresent());
      return planFull(source, work);
    }
    DirectoryDelta delta = read.get().content();
    RunPlanner planner = new RunPlanner(source, store, work, batchSize, true);
    planner.groups(delta.groups());
    List<DirectoryUser> changed = delta.changedUsers();
    for (int from = 0; from < changed.size(); from += batchSize) {
      // The read refused duplicate anchors already.
      planner.users(changed.subList(from, Math.min(changed.size(), from + batchSize)), Map.of());
    }
    PlanSummary summary =
        planner.finishIncremental(delta.deletedUserAnchors(), delta.skippedEntries());
    return planned(source, work, summary, read.get().cursor());
  }

  private Planned planned(
      SourceSettings source, SyncWorkspace work, PlanSummary summary, String cursor) {
    SpooledPlan plan = new SpooledPlan(source.name(), summary.counts(), summary.digest(), work);
    return new Planned(plan, safety.check(summary.safety(), source.policy()), cursor);
  }

  /** Applies the plan and, when all of it went in, keeps the cursor the read came with. */
  private SyncOutcome applyAndKeepCursor(
      SourceSettings source, Planned planned, SafetyVerdict verdict) {
    SyncOutcome outcome = apply(planned.plan, verdict);
    if (outcome.applied()) {
      try {
        store.refreshHeldDigests(source.name());
      } catch (RuntimeException e) {
        // Only the next run's speed depends on them: it reads the groups it has no digest of.
        log.warn("sync digests not refreshed source={}", source.name(), e);
      }
    }
    if (outcome.applied() && planned.cursor != null) {
      try {
        store.saveCursor(source.name(), planned.cursor);
      } catch (RuntimeException e) {
        // The plan is in; without the new cursor the next incremental run re-reads a little more.
        log.warn("sync cursor not saved source={}", source.name(), e);
      }
    }
    return outcome;
  }

  private SyncOutcome apply(SpooledPlan plan, SafetyVerdict verdict) {
    try {
      applier.apply(plan.source(), plan.workspace());
      return new SyncOutcome(plan, verdict, true, null);
    } catch (RuntimeException e) {
      // The store's message may hold SQL; the run record gets an id to find it in the log.
      String id = UUID.randomUUID().toString();
      log.error("sync apply failed source={} errorId={}", plan.source(), id, e);
      return new SyncOutcome(
          plan,
          verdict,
          false,
          "applying the plan failed (earlier batches stay applied), id=" + id);
    }
  }

  /** The one line per run is the caller's, with the run's id; this adds detail at DEBUG. */
  private static SyncOutcome logged(SourceSettings source, Object mode, SyncOutcome outcome) {
    if (log.isDebugEnabled() && outcome.plan() != null) {
      log.debug(
          "sync source={} mode={} status={} {}",
          source.name(),
          mode,
          outcome.status(),
          outcome.plan().counts());
    }
    return outcome;
  }

  /** A plan, its verdict, and the cursor to keep once it is applied (null: none). */
  private record Planned(SpooledPlan plan, SafetyVerdict verdict, String cursor) {}
}
