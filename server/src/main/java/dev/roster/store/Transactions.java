package dev.roster.store;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: everything the work does through the stores commits
 * together or not at all. A call inside a running transaction joins it.
 */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
