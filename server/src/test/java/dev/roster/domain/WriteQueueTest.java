package dev.roster.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteQueueTest {
  private final WriteQueue<String> queue = new WriteQueue<>(Duration.ofSeconds(10));
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void writesOfOneKeyRunOneAtATimeInTheOrderTheyArrived() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> first = write("g", "first", order, release);
    waitUntil(() -> order.size() == 1);
    CompletableFuture<Void> second = write("g", "second", order, null);
    waitUntil(() -> queue.waiting("g") == 1);
    CompletableFuture<Void> third = write("g", "third", order, null);
    waitUntil(() -> queue.waiting("g") == 2);

    assertEquals(List.of("first"), order, "the others wait while the first runs");
    release.countDown();
    CompletableFuture.allOf(first, second, third).get(10, TimeUnit.SECONDS);
    assertEquals(List.of("first", "second", "third"), order);
  }

  @Test
  void aWriteOfAnotherKeyDoesNotWait() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> slow = write("g", "slow", order, release);
    waitUntil(() -> order.size() == 1);

    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> assertEquals("done", queue.run("h", () -> "done")));
    release.countDown();
    slow.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aFailedWriteLetsTheNextOneRunAndForgetsItsKey() {
    assertThrows(
        IllegalStateException.class,
        () ->
            queue.run(
                "g",
                () -> {
                  throw new IllegalStateException("refused");
                }));

    assertEquals(0, queue.size());
    assertEquals(7, queue.run("g", () -> 7));
    assertEquals(0, queue.size());
  }

  @Test
  void aWriteWhoseTurnDoesNotComeInTimeGivesUpAndWritesNothing() throws Exception {
    WriteQueue<String> impatient = new WriteQueue<>(Duration.ofMillis(200));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> stuck =
        CompletableFuture.runAsync(
            () ->
                impatient.run(
                    "g",
                    () -> {
                      await(release);
                      return null;
                    }),
            threads);
    waitUntil(() -> impatient.size() == 1);
    List<String> written = new CopyOnWriteArrayList<>();

    InProgress refused =
        assertThrows(
            InProgress.class, () -> impatient.run("g", () -> written.add("behind the stuck one")));
    assertEquals(List.of(), written);
    assertEquals(
        "earlier changes to this resource have not finished within 0.2 s; nothing was changed,"
            + " retry later",
        refused.getMessage());
    release.countDown();
    stuck.get(10, TimeUnit.SECONDS);
    assertEquals(0, impatient.size());
    assertEquals("next", impatient.run("g", () -> "next"));
  }

  @Test
  void keysAreForgottenOnceTheirWritesFinish() throws Exception {
    List<CompletableFuture<Integer>> writes = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String key = "g" + (i % 7);
      int n = i;
      writes.add(CompletableFuture.supplyAsync(() -> queue.run(key, () -> n), threads));
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

    assertEquals(0, queue.size());
  }

  /** A write that records its name when it starts and, given a latch, holds its turn until then. */
  private CompletableFuture<Void> write(
      String key, String name, List<String> order, CountDownLatch release) {
    return CompletableFuture.runAsync(
        () ->
            queue.run(
                key,
                () -> {
                  order.add(name);
                  if (release != null) {
                    await(release);
                  }
                  return null;
                }),
        threads);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting");
      }
      Thread.sleep(5);
    }
  }
}
