package dev.roster.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;

/**
 * Bounds on a parsed filter, checked before it reaches the database. A filter can be short and
 * still expensive to plan (thirty nested {@code not(…)} cost a query parser seconds), so length
 * alone is not enough: nesting depth and the number of comparisons are bounded too.
 */
final class FilterLimits {
  static final int MAX_DEPTH = 12;
  static final int MAX_COMPARISONS = 200;

  private FilterLimits() {}

  static void check(Filter filter) throws BadRequestException {
    int[] comparisons = {0};
    int depth = depth(filter, comparisons);
    if (depth > MAX_DEPTH) {
      throw BadRequestException.invalidFilter(
          "the filter nests " + depth + " levels deep; at most " + MAX_DEPTH + " are allowed");
    }
    if (comparisons[0] > MAX_COMPARISONS) {
      throw BadRequestException.invalidFilter(
          "the filter has "
              + comparisons[0]
              + " comparisons; at most "
              + MAX_COMPARISONS
              + " are allowed");
    }
  }

  private static int depth(Filter filter, int[] comparisons) {
    if (filter.isCombiningFilter()) {
      int deepest = 0;
      for (Filter part : filter.getCombinedFilters()) {
        deepest = Math.max(deepest, depth(part, comparisons));
      }
      return deepest + 1;
    }
    if (filter.isNotFilter()) {
      return depth(filter.getInvertedFilter(), comparisons) + 1;
    }
    if (filter.isComplexValueFilter()) {
      return depth(filter.getValueFilter(), comparisons) + 1;
    }
    comparisons[0]++;
    return 1;
  }
}
