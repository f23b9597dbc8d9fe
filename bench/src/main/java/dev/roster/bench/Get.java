package dev.roster.bench;

import java.util.function.Supplier;

/** A GET that must answer 200: by id, a page, a group without its members, the baseline. */
record Get(String name, Supplier<String> path) implements Scenario {
  @Override
  public Step step(int worker) {
    return http -> {
      String target = path.get();
      return Outcome.expect("GET " + target, http.get(target), 200);
    };
  }
}
