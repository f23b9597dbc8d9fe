package dev.roster.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a search: the items and the exact total; for index paging the 1-based index of the
 * first item, for cursor paging (RFC 9865) the positions the next and previous pages start from
 * (null when there is no such page).
 */
public record Page<T>(
    List<T> items, long totalResults, Integer startIndex, Keyset next, Keyset previous) {

  public Page(List<T> items, long totalResults, int startIndex) {
    this(items, totalResults, startIndex, null, null);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(
        items.stream().map(mapper).toList(), totalResults, startIndex, next, previous);
  }
}
