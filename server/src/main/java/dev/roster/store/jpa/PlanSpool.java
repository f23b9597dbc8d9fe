package dev.roster.store.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A run's plan spooled to a scratch file of its own, an H2 {@link MVStore} (the key-value store
 * under H2's tables, no SQL), deleted when the run ends. The plan is scratch: nothing outside the
 * run reads it, and a run that dies leaves nothing another run could use. Spooled into the database
 * instead, a first sync of 100,000 users wrote 531,998 rows there only to read them back and delete
 * them, and on H2 the database rewrote its pages for every one of those steps (dropping them alone
 * took 7 s); on PostgreSQL they were dead rows for vacuum.
 *
 * <p>Changes are kept by kind and then in the order they came, the order a run applies them in. The
 * sorted lines a dry run or a blocked run shows are made from them when first asked for.
 *
 * <pre>{@code
 * try (PlanSpool spool = PlanSpool.create(directory)) {
 *   spool.add(kind, payloads); // one entry
 *   spool.forEachOfKind(kind, 500, payloads -> apply(payloads));
 * }
 * }</pre>
 */
final class PlanSpool implements AutoCloseable {
  private static final String SUFFIX = ".plan";

  /** Between the changes of one entry: JSON and plan lines never hold a raw line break. */
  private static final String SEPARATOR = "\n";

  /** Kinds occupy key ranges of this many changes each. */
  private static final int SEQ_BITS = 40;

  /** MB of pages cached, and KB of changes held before they are written to the file. */
  private static final int CACHE_MB = 4;

  private static final int WRITE_BUFFER_KB = 8 * 1024;

  private final Path file;
  private final MVStore store;
  private final MVMap<Long, String> changes;
  private long seq;
  private boolean linesMade;

  private PlanSpool(Path file) {
    this.file = file;
    this.store =
        new MVStore.Builder()
            .fileName(file.toString())
            .cacheSize(CACHE_MB)
            .autoCommitBufferSize(WRITE_BUFFER_KB)
            .open();
    this.changes = store.openMap("changes");
  }

  /** A new, empty spool in a file of its own under {@code directory}, which exists. */
  static PlanSpool create(Path directory) {
    return new PlanSpool(directory.resolve("run-" + UUID.randomUUID() + SUFFIX));
  }

  /**
   * Adds changes of one kind after those added before, as one entry: the store copies a page for
   * every entry it writes, and an entry per change made a first sync's spool allocate gigabytes.
   */
  void add(int kind, List<String> payloads) {
    if (payloads.isEmpty()) {
      return;
    }
    for (String payload : payloads) {
      if (payload.indexOf(SEPARATOR) >= 0) {
        throw new IllegalArgumentException("a spooled change holds a line break");
      }
    }
    changes.put(key(kind, seq++), String.join(SEPARATOR, payloads));
  }

  /** The payloads of one kind in the order they were added, {@code size} at a time. */
  void forEachOfKind(int kind, int size, Consumer<List<String>> page) {
    List<String> payloads = new ArrayList<>(size);
    Cursor<Long, String> cursor = changes.cursor(key(kind, 0), key(kind + 1, 0) - 1, false);
    while (cursor.hasNext()) {
      cursor.next();
      for (String payload : cursor.getValue().split(SEPARATOR, -1)) {
        payloads.add(payload);
        if (payloads.size() == size) {
          page.accept(List.copyOf(payloads));
          payloads.clear();
        }
      }
    }
    if (!payloads.isEmpty()) {
      page.accept(List.copyOf(payloads));
    }
  }

  /**
   * One line per change, sorted as Java sorts strings, equal lines as often as they occur: made
   * from the changes at the first call ({@code line} renders a kind's payload), then read back.
   */
  void forEachLine(int kinds, LineOf line, Consumer<String> out) {
    MVMap<String, Integer> lines = store.openMap("lines");
    if (!linesMade) {
      lines.clear(); // what a call that failed half-way made
      for (int kind = 0; kind < kinds; kind++) {
        int current = kind;
        forEachOfKind(
            kind,
            1000,
            payloads -> {
              for (String payload : payloads) {
                String text = line.of(current, payload);
                Integer count = lines.get(text);
                lines.put(text, count == null ? 1 : count + 1);
              }
            });
      }
      linesMade = true;
    }
    Cursor<String, Integer> cursor = lines.cursor(null);
    while (cursor.hasNext()) {
      String text = cursor.next();
      for (int i = cursor.getValue(); i > 0; i--) {
        out.accept(text);
      }
    }
  }

  /** Renders the change a kind's payload holds as its plan line. */
  interface LineOf {
    String of(int kind, String payload);
  }

  /** Closes the store and deletes its file. */
  @Override
  public void close() {
    try {
      store.closeImmediately();
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the sync spool " + file, e);
      }
    }
  }

  private static long key(int kind, long seq) {
    return ((long) kind << SEQ_BITS) | seq;
  }
}
