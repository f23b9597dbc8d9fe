package dev.roster.directory;

import dev.roster.domain.InProgress;
import dev.roster.store.SyncRunStore;
import dev.roster.store.Transactions;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.SyncStore;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The store as one run sees it: every write first checks, in its own transaction, that the run
 * still holds the source's lease (and extends it). A run that outlived its lease, while another
 * node took the source over, stops at its next batch instead of writing a stale plan.
 */
final class LeasedSyncStore implements SyncStore {
  private final SyncStore store;
  private final Transactions tx;
  private final SyncRunStore runs;
  private final String holder;
  private final Duration lease;

  LeasedSyncStore(
      SyncStore store, Transactions tx, SyncRunStore runs, String holder, Duration lease) {
    this.store = store;
    this.tx = tx;
    this.runs = runs;
    this.holder = holder;
    this.lease = lease;
  }

  @Override
  public StoreView view(String source, Collection<String> directoryUserNames) {
    return store.view(source, directoryUserNames);
  }

  @Override
  public void apply(String source, SyncPlan batch) {
    tx.run(
        () -> {
          checkLease(source);
          store.apply(source, batch);
        });
  }

  @Override
  public Optional<String> cursor(String source) {
    return store.cursor(source);
  }

  @Override
  public void saveCursor(String source, String cursor) {
    tx.run(
        () -> {
          checkLease(source);
          store.saveCursor(source, cursor);
        });
  }

  private void checkLease(String source) {
    if (!runs.renewLease(source, holder, lease)) {
      throw new InProgress(
          "this run lost the lease of source '" + source + "' to another run; it stopped");
    }
  }
}
