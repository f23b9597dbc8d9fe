package dev.roster.auth;

import dev.roster.domain.TooManyAttempts;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code limit} failed checks of one key within {@code window},
 * further attempts are refused with {@link TooManyAttempts} until the oldest of those failures is
 * older than the window (a sliding window). A success forgets the key's failures.
 *
 * <pre>{@code
 * try (FailureThrottle.Attempt attempt = throttle.begin(key)) { ... attempt.failed(); ... }
 * }</pre>
 *
 * <p>Per node: the counts live in this process's memory, so with several nodes behind a load
 * balancer a guesser gets {@code limit} tries per node and window, and a restart forgets them.
 * Attempts still running count against the limit, so parallel requests cannot slip past it.
 */
public final class FailureThrottle {
  /** Keys kept before expired ones are swept; bounds memory under a flood of unknown names. */
  private static final int SWEEP_ABOVE = 10_000;

  private final int limit;
  private final Duration window;
  private final InstantSource clock;
  private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

  public FailureThrottle(int limit, Duration window, InstantSource clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Starts an attempt for {@code key}, or throws {@link TooManyAttempts} when it is held back. */
  public Attempt begin(String key) {
    Instant now = clock.instant();
    if (byKey.size() > SWEEP_ABOVE) {
      byKey.keySet().forEach(k -> forgetIfIdle(k, now));
    }
    long[] wait = new long[1];
    // Admitting inside compute() orders it with forgetIfIdle(): no attempt lands on a dropped
    // entry.
    Failures failures =
        byKey.compute(
            key,
            (k, known) -> {
              Failures f = known == null ? new Failures() : known;
              wait[0] = f.admit(now);
              return f;
            });
    if (wait[0] > 0) {
      throw new TooManyAttempts(wait[0]);
    }
    return new Attempt(key, failures);
  }

  private void forgetIfIdle(String key, Instant now) {
    byKey.computeIfPresent(key, (k, failures) -> failures.idle(now) ? null : failures);
  }

  /** One admitted attempt; ends as a success, a failure, or neither (closed without a verdict). */
  public final class Attempt implements AutoCloseable {
    private final String key;
    private final Failures failures;
    private boolean ended;

    private Attempt(String key, Failures failures) {
      this.key = key;
      this.failures = failures;
    }

    public void succeeded() {
      end(Verdict.SUCCEEDED);
    }

    public void failed() {
      end(Verdict.FAILED);
    }

    /** Without a verdict (a 400, a 503) the attempt counts as neither. */
    @Override
    public void close() {
      end(Verdict.NONE);
    }

    private void end(Verdict verdict) {
      if (ended) {
        return;
      }
      ended = true;
      Instant now = clock.instant();
      failures.release(verdict, now);
      forgetIfIdle(key, now);
    }
  }

  private enum Verdict {
    SUCCEEDED,
    FAILED,
    NONE
  }

  /** The recent failures of one key and the attempts running now. */
  private final class Failures {
    private final Deque<Instant> times = new ArrayDeque<>();
    private int running;

    /** Seconds to wait, or 0 after counting the attempt as running. */
    synchronized long admit(Instant now) {
      expire(now);
      if (times.size() + running < limit) {
        running++;
        return 0;
      }
      // Full of failures: free when the oldest leaves the window; else held by running attempts.
      Instant free = times.size() >= limit ? times.peekFirst().plus(window) : now.plusSeconds(1);
      return Math.max(1, (Duration.between(now, free).toMillis() + 999) / 1000);
    }

    synchronized void release(Verdict verdict, Instant now) {
      running--;
      if (verdict == Verdict.FAILED) {
        times.addLast(now);
      } else if (verdict == Verdict.SUCCEEDED) {
        times.clear();
      }
    }

    synchronized boolean idle(Instant now) {
      expire(now);
      return times.isEmpty() && running == 0;
    }

    private void expire(Instant now) {
      while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
        times.removeFirst();
      }
    }
  }
}
