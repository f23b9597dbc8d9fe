package dev.roster.sync;

import dev.roster.sync.apply.Applier;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryDelta;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.DeltaContent;
import dev.roster.sync.plan.Planner;
import dev.roster.sync.plan.SafetyCheck;
import dev.roster.sync.plan.SafetyVerdict;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.SyncStore;
import dev.roster.sync.read.CursoredRead;
import dev.roster.sync.read.DirectoryReadException;
import dev.roster.sync.read.DirectoryReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation of a directory source with the store: read, plan, check, apply. A dry run is
 * the same code stopping after the check; a blocked run keeps its plan, and {@link #applyApproved}
 * applies exactly that plan once a person has approved it.
 *
 * <pre>{@code
 * SyncOutcome outcome = new Synchronizer(new DirectoryReader(), store, 500).run(source, FULL);
 * log.info("status={} {}", outcome.status(), outcome.plan().counts());
 * }</pre>
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
  private final Planner planner = new Planner();
  private final SafetyCheck safety = new SafetyCheck();

  public Synchronizer(DirectoryReader reader, SyncStore store, int batchSize) {
    this.reader = reader;
    this.store = store;
    this.applier = new Applier(store, batchSize);
  }

  public SyncOutcome run(SourceSettings source, SyncMode mode) {
    Planned planned;
    try {
      planned = mode == SyncMode.INCREMENTAL ? planIncremental(source) : planFull(source);
    } catch (DirectoryReadException e) {
      log.debug("sync failed source={} mode={} resultCode={}", source.name(), mode, e.resultCode());
      return SyncOutcome.failed(e.getMessage());
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
   * the rendering differs. What is applied is the fresh plan, which renders the same but carries
   * the attribute values read now. The safety check is waived — the approval is the check — so the
   * outcome's verdict is {@link SafetyVerdict#ok()}.
   */
  public SyncOutcome applyApproved(SourceSettings source, SyncPlan approved) {
    return applyApproved(source, approved.render());
  }

  /** As {@link #applyApproved(SourceSettings, SyncPlan)}, given the plan as it was rendered. */
  public SyncOutcome applyApproved(SourceSettings source, String approvedRendering) {
    Planned planned;
    try {
      planned = planFull(source);
    } catch (DirectoryReadException e) {
      log.debug("sync approval failed source={} resultCode={}", source.name(), e.resultCode());
      return SyncOutcome.failed(e.getMessage());
    }
    if (!planned.plan.render().equals(approvedRendering)) {
      log.debug("sync approval refused source={} reason=directoryChanged", source.name());
      return new SyncOutcome(
          planned.plan, planned.verdict, false, "the directory changed since the plan was made");
    }
    return logged(source, "APPROVED", applyAndKeepCursor(source, planned, SafetyVerdict.ok()));
  }

  private Planned planFull(SourceSettings source) throws DirectoryReadException {
    CursoredRead<DirectoryContent> read = reader.readWithCursor(source);
    DirectoryContent directory = read.content();
    StoreView view = store.view(source.name(), userNames(directory.users()));
    SyncPlan plan = planner.plan(source, directory, view);
    return new Planned(plan, safety.check(plan, view, directory, source.policy()), read.cursor());
  }

  private Planned planIncremental(SourceSettings source) throws DirectoryReadException {
    Optional<String> cursor = store.cursor(source.name());
    Optional<CursoredRead<DirectoryDelta>> read =
        cursor.isEmpty() ? Optional.empty() : reader.readChanges(source, cursor.get());
    if (read.isEmpty()) {
      log.debug(
          "sync incremental reads in full source={} cursor={}", source.name(), cursor.isPresent());
      return planFull(source);
    }
    DirectoryDelta delta = read.get().content();
    StoreView view = store.view(source.name(), userNames(delta.changedUsers()));
    SyncPlan plan = planner.planIncremental(source, delta, view);
    DirectoryContent assumed = DeltaContent.assumed(delta, view);
    return new Planned(
        plan, safety.check(plan, view, assumed, source.policy()), read.get().cursor());
  }

  private static List<String> userNames(List<DirectoryUser> users) {
    List<String> names = new ArrayList<>(users.size());
    users.forEach(user -> names.add(user.userName()));
    return names;
  }

  /** Applies the plan and, when all of it went in, keeps the cursor the read came with. */
  private SyncOutcome applyAndKeepCursor(
      SourceSettings source, Planned planned, SafetyVerdict verdict) {
    SyncOutcome outcome = apply(planned.plan, verdict);
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

  private SyncOutcome apply(SyncPlan plan, SafetyVerdict verdict) {
    try {
      applier.apply(plan);
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
  private record Planned(SyncPlan plan, SafetyVerdict verdict, String cursor) {}
}
