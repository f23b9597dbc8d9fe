package dev.roster.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed loop: N threads, each with one keep-alive connection, each sending its next operation as
 * soon as the last one answered. Every scenario runs for a warm-up (the server's JIT, caches and
 * pools settle; nothing is kept), then for a fixed measured time. Latencies go to an HdrHistogram
 * {@link Recorder}, whose interval histograms split warm-up from measurement without stopping the
 * threads.
 *
 * <p>A closed loop measures latency under load as the clients see it: when the server stalls, the
 * clients wait instead of piling up requests, so percentiles understate what an open-loop (fixed
 * arrival rate) client would see during a stall. Throughput, the figure compared with the baseline,
 * is exact.
 */
final class LoadGenerator {
  private final Http http;
  private final Duration warmup;
  private final Duration measured;

  LoadGenerator(Http http, Duration warmup, Duration measured) {
    this.http = http;
    this.warmup = warmup;
    this.measured = measured;
  }

  LoadResult run(Scenario scenario, int connections) throws InterruptedException {
    // One operation first: an operation the server does not implement (405, 404) is reported as
    // such in a moment instead of as a measured run of errors.
    Scenario.Outcome probe = scenario.step(connections).perform(http);
    if (probe.kind() == Scenario.Outcome.Kind.FAILED) {
      return LoadResult.unavailable(scenario.name(), connections, probe);
    }

    Recorder recorder = new Recorder(3);
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(connections);
    List<Thread> threads = new ArrayList<>();
    for (int worker = 0; worker < connections; worker++) {
      Scenario.Step step = scenario.step(worker);
      Thread thread =
          new Thread(
              () -> {
                try {
                  loop(step, recorder, errors, firstError, stop);
                } finally {
                  done.countDown();
                }
              },
              scenario.name() + "-" + worker);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }

    done.await(warmup.toMillis(), TimeUnit.MILLISECONDS);
    recorder.getIntervalHistogram(); // warm-up: dropped
    long errorsBefore = errors.get();
    Instant start = Instant.now();
    long startNanos = System.nanoTime();
    // Ends early when every connection ran out of work (a pool of users to add).
    done.await(measured.toMillis(), TimeUnit.MILLISECONDS);
    Histogram histogram = recorder.getIntervalHistogram();
    long elapsedNanos = System.nanoTime() - startNanos;
    Instant end = Instant.now();
    long measuredErrors = errors.get() - errorsBefore;
    stop.set(true);
    for (Thread thread : threads) {
      thread.join(TimeUnit.MINUTES.toMillis(5));
    }

    double seconds = elapsedNanos / 1e9;
    return new LoadResult(
        scenario.name(),
        connections,
        histogram.getTotalCount(),
        measuredErrors,
        seconds,
        histogram.getTotalCount() / seconds,
        millis(histogram.getValueAtPercentile(50)),
        millis(histogram.getValueAtPercentile(99)),
        millis(histogram.getValueAtPercentile(99.9)),
        millis(histogram.getMaxValue()),
        start,
        end,
        null,
        firstError.get());
  }

  private void loop(
      Scenario.Step step,
      Recorder recorder,
      AtomicLong errors,
      AtomicReference<String> firstError,
      AtomicBoolean stop) {
    while (!stop.get()) {
      long begin = System.nanoTime();
      Scenario.Outcome outcome;
      try {
        outcome = step.perform(http);
      } catch (RuntimeException e) {
        outcome = new Scenario.Outcome(Scenario.Outcome.Kind.FAILED, 0, e.toString());
      }
      long nanos = System.nanoTime() - begin;
      switch (outcome.kind()) {
        case OK -> recorder.recordValue(nanos);
        case FAILED -> {
          errors.incrementAndGet();
          firstError.compareAndSet(null, outcome.detail());
        }
        case EXHAUSTED -> {
          return;
        }
        case UNTIMED -> {}
      }
    }
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
