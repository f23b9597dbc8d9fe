package dev.roster.sync;

import dev.roster.sync.apply.Applier;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.Planner;
import dev.roster.sync.plan.SafetyCheck;
import dev.roster.sync.plan.SafetyVerdict;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.SyncStore;
import dev.roster.sync.read.DirectoryReadException;
import dev.roster.sync.read.DirectoryReader;
import java.util.ArrayList;
import java.util.List;
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
 * <p>A read that fails in any way writes nothing ("empty" is never "gone"). {@link
 * SyncMode#INCREMENTAL} runs as a full read for now: the plan is the same, only slower.
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
      planned = plan(source);
    } catch (DirectoryReadException e) {
      log.debug("sync failed source={} mode={} resultCode={}", source.name(), mode, e.resultCode());
      return SyncOutcome.failed(e.getMessage());
    }
    if (mode == SyncMode.DRY_RUN || planned.verdict.blocked()) {
      SyncOutcome outcome = new SyncOutcome(planned.plan, planned.verdict, false, null);
      logged(source, mode, outcome);
      return outcome;
    }
    return logged(source, mode, apply(planned.plan, planned.verdict));
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
      planned = plan(source);
    } catch (DirectoryReadException e) {
      log.debug("sync approval failed source={} resultCode={}", source.name(), e.resultCode());
      return SyncOutcome.failed(e.getMessage());
    }
    if (!planned.plan.render().equals(approvedRendering)) {
      log.debug("sync approval refused source={} reason=directoryChanged", source.name());
      return new SyncOutcome(
          planned.plan, planned.verdict, false, "the directory changed since the plan was made");
    }
    return logged(source, "APPROVED", apply(planned.plan, SafetyVerdict.ok()));
  }

  private Planned plan(SourceSettings source) throws DirectoryReadException {
    DirectoryContent directory = reader.read(source);
    List<String> userNames = new ArrayList<>(directory.users().size());
    for (DirectoryUser user : directory.users()) {
      userNames.add(user.userName());
    }
    StoreView view = store.view(source.name(), userNames);
    SyncPlan plan = planner.plan(source, directory, view);
    return new Planned(plan, safety.check(plan, view, directory, source.policy()));
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

  private record Planned(SyncPlan plan, SafetyVerdict verdict) {}
}
