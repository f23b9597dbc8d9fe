package dev.roster.sync;

import dev.roster.sync.plan.SafetyVerdict;
import dev.roster.sync.plan.SpooledPlan;

/**
 * What a run did: its plan, the safety verdict, whether the plan was applied, and the error that
 * stopped it (then nothing was applied and the plan may be null). The plan's changes are in its
 * workspace until {@link #close}, which whoever ran the run calls once it has kept what it wants.
 */
public record SyncOutcome(SpooledPlan plan, SafetyVerdict verdict, boolean applied, String error)
    implements AutoCloseable {
  public static SyncOutcome failed(String error) {
    return new SyncOutcome(null, null, false, error);
  }

  public Status status() {
    if (error != null) {
      return Status.FAILED;
    }
    if (verdict != null && verdict.blocked()) {
      return Status.BLOCKED_BY_SAFETY_LIMIT;
    }
    return applied ? Status.SUCCEEDED : Status.PLANNED;
  }

  /** Drops the plan's workspace. */
  @Override
  public void close() {
    if (plan != null) {
      plan.workspace().close();
    }
  }

  public enum Status {
    SUCCEEDED,
    PLANNED,
    BLOCKED_BY_SAFETY_LIMIT,
    FAILED
  }
}
