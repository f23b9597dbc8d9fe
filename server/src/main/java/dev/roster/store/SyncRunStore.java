package dev.roster.store;

import dev.roster.domain.SyncRun;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** The record of sync runs, their plans, and the per-source lease. */
public interface SyncRunStore {
  void insert(UUID tenantId, SyncRun run);

  /** Records how the run ended and the digest of its plan (null: none). */
  void finish(SyncRun run, String planDigest);

  /** Keeps lines of the run's plan, numbered from {@code firstLineNo}. */
  void addPlanLines(UUID runId, int firstLineNo, List<String> lines);

  /** The digest of the run's plan, if it kept one. */
  Optional<String> planDigest(UUID runId);

  Optional<SyncRun> find(UUID tenantId, UUID id);

  List<String> planLines(UUID runId);

  /** Newest first. */
  Page<SyncRun> list(UUID tenantId, int startIndex, int count);

  /**
   * Takes the lease of a source for {@code ttl} if nobody else holds an unexpired one, and returns
   * its fencing token (higher with every grant); empty when another node holds it.
   */
  OptionalLong acquireLease(String source, String holder, Duration ttl);

  /**
   * Whether {@code holder} still holds the source's lease; if so, extends it by {@code ttl}.
   * Checked in the transaction of every write a run makes, so a run that lost its lease (it ran
   * past the expiry and another node took over) writes nothing more.
   */
  boolean renewLease(String source, String holder, Duration ttl);

  /**
   * Marks runs still "running" as failed when no unexpired lease covers their source: their node
   * stopped mid-run. Returns how many.
   */
  int failAbandonedRuns(java.time.Instant now);

  /** Ends the lease (the row stays, expired, so fencing tokens keep growing). */
  void releaseLease(String source, String holder);
}
