package dev.roster.store;

import com.unboundid.scim2.common.filters.Filter;

/**
 * A search as RFC 7644 §3.4.2 defines it, already parsed: an optional filter, an optional sort
 * attribute, and index paging (1-based {@code startIndex}, {@code count} ≥ 0).
 */
public record SearchQuery(
    Filter filter, String sortBy, boolean descending, int startIndex, int count) {
  public SearchQuery {
    if (startIndex < 1) {
      throw new IllegalArgumentException("startIndex must be at least 1");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
  }

  public static SearchQuery all(int count) {
    return new SearchQuery(null, null, false, 1, count);
  }
}
