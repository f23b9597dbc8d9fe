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
 * H2's page cache, sized by the serving process for the store it holds, and sized again once a
 * minute as the store grows or shrinks: a quarter of the heap while the pages that reads of users
 * touch fit in it, H2's own 16 MB once they cannot.
 *
 * <p>No one size serves both ends (BENCHMARKS.md, "Scaling, 2026-11-24 late afternoon", {@code
 * -Xmx1g}, GET by id over every user). At 110,000 users the quarter (256 MB) gave a p99 of 7.5–9.3
 * ms and 16 MB 13–15 ms. At 1,000,000 users the quarter gave 63–70 ms, and 16 MB 15–21 ms at a
 * fifth less CPU per GET. The worst cache is one too small for the pages the reads touch but large
 * enough to keep a page for seconds: its pages live long enough to be promoted, then die old, and
 * only the collector's mixed pauses free them. A small cache lets them die young. The two sizes
 * were even near 200,000 users, where the quarter is 256 MB: {@value #BYTES_PER_USER} bytes of
 * cache a user.
 *
 * <p>Set with {@code SET CACHE_SIZE}, never in the URL: H2 runs a URL's settings again for every
 * connection it opens, so a pooled connection opened later would put back the URL's size. And set
 * only by the serving process: a command run beside it reaches the same database through {@code
 * AUTO_SERVER}, and would size the server's cache for its own heap.
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

  private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

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

  /** The cache, in KB, for a store of this many users under this heap. */
  static long sizeKb(long users, long maxHeapBytes) {
    long quarterKb = Math.max(SMALL_KB, maxHeapBytes / 4 / 1024);
    return users * BYTES_PER_USER <= quarterKb * 1024 ? quarterKb : SMALL_KB;
  }

  /**
   * Sizes the cache for the store now, then once a minute. A database that refuses (a user without
   * administrator rights) keeps the cache it has, and is not asked again.
   */
  static H2PageCache start(DataSource dataSource, long maxHeapBytes) {
    H2PageCache cache = new H2PageCache(dataSource, maxHeapBytes);
    if (cache.adjustQuietly()) {
      long every = CHECK_EVERY.toSeconds();
      cache.executor.scheduleWithFixedDelay(
          () -> {
            if (!cache.adjustQuietly()) {
              cache.executor.shutdown();
            }
          },
          every,
          every,
          TimeUnit.SECONDS);
    }
    return cache;
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
      long wanted = sizeKb(users, maxHeapBytes);
      if (wanted != appliedKb) {
        statement.execute("SET CACHE_SIZE " + wanted);
        connection.commit();
        LOG.info(
            "H2 page cache set to {} MB for {} users (a quarter of the heap while {} bytes a user"
                + " fit in it, else H2's own 16 MB)",
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

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
