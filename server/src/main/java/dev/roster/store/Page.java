package dev.roster.store;

import java.util.List;
import java.util.function.Function;

/** One page of a search: the items, the exact total, and the 1-based index of the first. */
public record Page<T>(List<T> items, long totalResults, int startIndex) {
  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), totalResults, startIndex);
  }
}
