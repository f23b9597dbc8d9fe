package dev.roster.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests sent at the same moment, one thread each: what a race between clients looks like. */
public final class Together {
  private Together() {}

  /** Runs every request at once and answers their results in the order given. */
  public static <T> List<T> run(List<Callable<T>> requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> result : pool.invokeAll(requests)) {
        results.add(result.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
