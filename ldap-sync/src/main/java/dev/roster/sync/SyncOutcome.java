package dev.roster.sync;

import dev.roster.sync.plan.SafetyVerdict;
import dev.roster.sync.plan.SyncPlan;

/**
 * What a run did: its plan, the safety verdict, whether the plan was applied, and the error that
 * stopped it (then nothing was applied and the plan may be null).
 */
public record SyncOutcome(SyncPlan plan, SafetyVerdict verdict, boolean applied, String error) {
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

  public enum Status {
    SUCCEEDED,
    PLANNED,
    BLOCKED_BY_SAFETY_LIMIT,
    FAILED
  }
}
