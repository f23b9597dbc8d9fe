package dev.roster.bench;

import java.time.Instant;

/**
 * What one closed-loop run of one scenario measured after its warm-up: operations per second and
 * latency percentiles in milliseconds, from an HdrHistogram of the measured window. {@code
 * unavailable} is set (and the numbers are zero) when the first operation already failed, for
 * example with 405 where an operation is not implemented yet.
 */
record LoadResult(
    String scenario,
    int connections,
    long operations,
    long errors,
    double seconds,
    double throughput,
    double p50Millis,
    double p99Millis,
    double p999Millis,
    double maxMillis,
    Instant start,
    Instant end,
    String unavailable,
    String firstError) {

  boolean available() {
    return unavailable == null;
  }

  static LoadResult unavailable(String scenario, int connections, Scenario.Outcome outcome) {
    Instant now = Instant.now();
    String why =
        outcome.status() == 404 || outcome.status() == 405 || outcome.status() == 501
            ? "not implemented (HTTP " + outcome.status() + ")"
            : "failed: " + outcome.detail();
    return new LoadResult(
        scenario, connections, 0, 1, 0, 0, 0, 0, 0, 0, now, now, why, outcome.detail());
  }
}
