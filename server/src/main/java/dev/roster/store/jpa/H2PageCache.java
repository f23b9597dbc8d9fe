package dev.roster.store.jpa;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2's page cache, sized by the process that holds the database for the store it holds, and sized
 * again once a minute as the store grows or shrinks: a quarter of the heap while the pages that
 * reads of users touch fit in it, H2's own 16 MB once they cannot.
 *
 * <p>No one size serves both ends (BENCHMARKS.md, "Scaling, 2026-11-24 late afternoon", {@code
 * -Xmx1g}, GET by id over every user). At 110,000 users the quarter (256 MB) gave a p99 of 7.5–9.3
 * ms and 16 MB 13–15 ms. At 1,000,000 users the quarter gave 63–70 ms, and 16 MB 15–21 ms at a
 * fifth less CPU per GET. The worst cache is one too small for the pages the reads touch but large
 * enough to keep a page for seconds: its pages live long enough to be promoted, then die old, and
 * only the collector's mixed pauses free them. A small cache lets them die young. The two sizes
 * were even near 200,000 users, where the quarter is 256 MB: {@value #BYTES_PER_USER} bytes of
 * cache a user. A change empties the cache, so a store that hovers at the edge does not switch back
 * and forth: it goes back to the quarter only once it is a tenth below the edge.
 *
 * <p>Set with {@code SET CACHE_SIZE}, never in the URL: H2 runs a URL's settings again for every
 * connection it opens, so a pooled connection opened later would put back the URL's size. And set
 * only by the process that holds the database: a command run beside the server reaches it through
 * {@code AUTO_SERVER}, and would size the server's cache for its own heap. (H2 also keeps the size
 * in the database and applies it, capped at half the heap, to the next process that opens it until
 * that one sizes it for itself.)
 */
final class H2PageCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(H2PageCache.class);

  /** H2's own default, in KB, and the least this class sets. */
  static final long SMALL_KB = 16 * 1024;

  /**
   * Cache that one user's pages take once decoded, for the bench's users (a dozen attributes, one
   * group); users with many more attributes take more, and cross over sooner.
   */
  static final long BYTES_PER_USER = 1_300;

  /** How often the serving process counts its users again. */
  static final Duration CHECK_EVERY = Duration.ofMinutes(1);

  /** H2's error code for a statement that needs an administrator. */
  private static final int ADMIN_RIGHTS_REQUIRED = 90040;

  private final DataSource dataSource;
  private final long maxHeapBytes;
  private final ScheduledExecutorService executor;
  // Set by the first adjust() before the schedule starts, then only by the schedule's thread.
  private long appliedKb;

  private H2PageCache(DataSource dataSource, long maxHeapBytes) {
    this.dataSource = dataSource;
    this.maxHeapBytes = maxHeapBytes;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "roster-h2-page-cache");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * The cache, in KB, for a store of this many users under this heap, given the size it has now (0
   * when not yet set).
   */
  static long sizeKb(long users, long maxHeapBytes, long currentKb) {
    long quarterKb = Math.max(SMALL_KB, maxHeapBytes / 4 / 1024);
    long fit = quarterKb * 1024 / BYTES_PER_USER;
    long edge = currentKb == SMALL_KB ? fit - fit / 10 : fit;
    return users <= edge ? quarterKb : SMALL_KB;
  }

  /**
   * Sizes the cache for the store now, then at each interval. A database that refuses (a user
   * without administrator rights) keeps the cache it has, and is not asked again.
   */
  static H2PageCache start(DataSource dataSource, long maxHeapBytes, Duration every) {
    H2PageCache cache = new H2PageCache(dataSource, maxHeapBytes);
    if (cache.adjustQuietly()) {
      cache.executor.scheduleWithFixedDelay(
          () -> {
            if (!cache.adjustQuietly()) {
              cache.executor.shutdown();
            }
          },
          every.toMillis(),
          every.toMillis(),
          TimeUnit.MILLISECONDS);
    } else {
      cache.executor.shutdown();
    }
    return cache;
  }

  /** Whether it still sizes the cache at each interval. */
  boolean isChecking() {
    return !executor.isShutdown();
  }

  /** Counts the users and sets the cache their number calls for; returns it, in KB. */
  long adjust() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      long users;
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM user_account")) {
        rows.next();
        users = rows.getLong(1);
      }
      long wanted = sizeKb(users, maxHeapBytes, appliedKb);
      if (wanted != appliedKb) {
        statement.execute("SET CACHE_SIZE " + wanted);
        connection.commit();
        LOG.info(
            "H2 page cache set to {} MB for {} users (a quarter of the heap while {} bytes a user"
                + " fit in it, else H2's own 16 MB; a change empties it)",
            wanted / 1024,
            users,
            BYTES_PER_USER);
        appliedKb = wanted;
      }
      return wanted;
    }
  }

  /** {@link #adjust}, logging a failure; false when the database will never allow it. */
  private boolean adjustQuietly() {
    try {
      adjust();
      return true;
    } catch (SQLException e) {
      if (e.getErrorCode() == ADMIN_RIGHTS_REQUIRED) {
        LOG.warn(
            "H2 page cache left as it is: the database user is not an administrator, and only"
                + " an administrator may size it (set CACHE_SIZE in the URL instead)");
        return false;
      }
      LOG.warn("H2 page cache not sized this time: {}", e.getMessage());
      return true;
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep the schedule.
      LOG.error("H2 page cache not sized this time", e);
      return true;
    }
  }

  /**
   * Stops the checks, waiting for one under way: an interrupt would reach H2 inside a file read,
   * and H2's file channel closes itself on an interrupt.
   */
  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
