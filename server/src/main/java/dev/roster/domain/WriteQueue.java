package dev.roster.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Writes to one resource, queued in this process in the order they arrive, one at a time; writes to
 * different resources do not wait for each other.
 *
 * <p>The database's row lock alone keeps concurrent writes of one group from losing each other, but
 * H2 wakes every transaction waiting for a row when its holder commits, and they race for it: with
 * 16 writers adding members to one group, the waiters burned half the server's CPU retrying and the
 * unlucky ones waited 50–60 ms (p99). Waiting here first, in a fair queue, leaves the row lock
 * uncontended within one server; the row lock still orders writers from other processes.
 *
 * <p>A write must enter the queue before its transaction begins, so that a thread waiting here
 * holds no database lock that the thread it waits for could need. A write waits at most {@code
 * patience} for its turn, as long as the database would wait for the row lock: if the writes ahead
 * are stuck (on a lock another process holds), the ones behind give up one by one instead of piling
 * up.
 */
public final class WriteQueue<K> {
  private final ConcurrentHashMap<K, Turn> turns = new ConcurrentHashMap<>();
  private final Duration patience;

  public WriteQueue(Duration patience) {
    this.patience = patience;
  }

  /**
   * Runs {@code write} once every write of {@code key} that reached the queue before it has
   * finished.
   *
   * @throws InProgress when the turn did not come within the patience, or the wait was interrupted;
   *     nothing was written
   */
  public <T> T run(K key, Supplier<T> write) {
    Turn turn =
        turns.compute(key, (k, existing) -> (existing == null ? new Turn() : existing).join());
    boolean locked = false;
    try {
      locked = turn.lock.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS);
      if (!locked) {
        throw busy();
      }
      return write.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    } finally {
      if (locked) {
        turn.lock.unlock();
      }
      turns.computeIfPresent(key, (k, existing) -> existing.leave() ? null : existing);
    }
  }

  private InProgress busy() {
    return new InProgress(
        String.format(
            Locale.ROOT,
            "earlier changes to this resource have not finished within %.1f s; nothing was"
                + " changed, retry later",
            patience.toMillis() / 1000.0));
  }

  /** How many writes of {@code key} wait for the one running. */
  int waiting(K key) {
    Turn turn = turns.get(key);
    return turn == null ? 0 : turn.lock.getQueueLength();
  }

  /** How many keys have a write running or waiting; zero when the server is idle. */
  int size() {
    return turns.size();
  }

  /**
   * The lock of one key, and how many writes hold or wait for it. The count changes only inside the
   * map's compute of that key, which runs one at a time per key; the last write to leave removes
   * the entry, so the map holds only keys being written.
   */
  private static final class Turn {
    private final ReentrantLock lock = new ReentrantLock(true);
    private int writes;

    Turn join() {
      writes++;
      return this;
    }

    boolean leave() {
      return --writes == 0;
    }
  }
}
