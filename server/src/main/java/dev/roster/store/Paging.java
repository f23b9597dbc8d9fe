package dev.roster.store;

/** How a search pages its results: by index (RFC 7644 §3.4.2.4) or by cursor (RFC 9865). */
public sealed interface Paging {
  /** At most this many results per page; 0 asks for the total only. */
  int count();

  /**
   * Index paging.
   *
   * @param startIndex the 1-based index of the first result
   */
  record Index(int startIndex, int count) implements Paging {
    public Index {
      if (startIndex < 1) {
        throw new IllegalArgumentException("startIndex must be at least 1");
      }
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
    }
  }

  /**
   * Cursor paging: the page after {@code position} (or before it, {@code backward}); the first page
   * when the position is null.
   */
  record Cursor(Keyset position, boolean backward, int count) implements Paging {
    public Cursor {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
    }
  }
}
