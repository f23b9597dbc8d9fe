package dev.roster.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Creating many resources fast, over HTTP as a client would: several requests at a time. */
public final class ConcurrentLoad {
  private ConcurrentLoad() {}

  /** Creates {@code count} users from {@code json(i)} and returns their ids, in {@code i} order. */
  public static List<String> users(ScimClient scim, int count, IntFunction<String> json) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String body = json.apply(i);
        ids.add(pool.submit(() -> scim.createUser(body)));
      }
      List<String> created = new ArrayList<>();
      for (Future<String> id : ids) {
        created.add(id.get());
      }
      return created;
    } catch (Exception e) {
      throw new IllegalStateException("loading users failed", e);
    } finally {
      pool.shutdown();
    }
  }
}
