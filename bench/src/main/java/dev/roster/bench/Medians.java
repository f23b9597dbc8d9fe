package dev.roster.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The median of repetitions: the middle one, or the mean of the middle two. */
final class Medians {
  private Medians() {}

  static double of(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  static <T> double of(List<T> items, ToDoubleFunction<T> value) {
    return of(items.stream().map(item -> value.applyAsDouble(item)).toList());
  }
}
