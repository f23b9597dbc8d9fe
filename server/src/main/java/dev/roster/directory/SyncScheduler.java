package dev.roster.directory;

import dev.roster.domain.InProgress;
import dev.roster.sync.SyncMode;
import dev.roster.sync.config.SourceSettings;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every source on its schedule: a full run at start and every {@code fullIntervalSeconds}.
 * (Incremental runs are not implemented yet; until they are, full runs keep every source exact.)
 */
public final class SyncScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

  private final DirectorySync sync;
  private final ScheduledExecutorService executor;

  public SyncScheduler(DirectorySync sync) {
    this.sync = sync;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "roster-sync");
              thread.setDaemon(true);
              return thread;
            });
  }

  public void start() {
    sync.failAbandonedRuns();
    for (SourceSettings source : sync.sources()) {
      long full = source.policy().fullIntervalSeconds();
      long incremental = source.policy().incrementalIntervalSeconds();
      executor.scheduleWithFixedDelay(
          () -> runQuietly(source.name(), SyncMode.FULL), 0, full, TimeUnit.SECONDS);
      if (incremental < full) {
        executor.scheduleWithFixedDelay(
            () -> runQuietly(source.name(), SyncMode.INCREMENTAL),
            incremental,
            incremental,
            TimeUnit.SECONDS);
      }
    }
  }

  private void runQuietly(String source, SyncMode mode) {
    try {
      sync.run(source, mode);
    } catch (InProgress e) {
      LOG.info("sync source={} skipped: {}", source, e.getMessage());
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep the schedule.
      LOG.error("sync source={} failed unexpectedly", source, e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      // Let a run in progress finish its batch before the database closes under it.
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("a sync run did not stop within 30 s of shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
