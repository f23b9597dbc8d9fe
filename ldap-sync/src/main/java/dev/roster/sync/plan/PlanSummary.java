package dev.roster.sync.plan;

/**
 * A plan made into a workspace, as the run sees it: its counts, its {@link PlanDigest digest} (what
 * approving it compares) and what the safety check weighs.
 */
public record PlanSummary(PlanCounts counts, String digest, SafetyInput safety) {}
