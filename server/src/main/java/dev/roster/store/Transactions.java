package dev.roster.store;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: everything the work does through the stores commits
 * together or not at all. A call inside a running transaction joins it.
 */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs work that only reads, in one transaction like {@link #inTransaction}, but without the
   * bookkeeping a write needs: what it loads is not watched for changes and nothing is flushed.
   * Inside a running transaction it joins that one.
   */
  <T> T reading(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
