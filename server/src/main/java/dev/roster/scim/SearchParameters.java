package dev.roster.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import dev.roster.store.SearchQuery;

/**
 * The query parameters of a search (RFC 7644 §3.4.2) turned into a {@link SearchQuery}. RFC 7644
 * §3.4.2.4: a startIndex below 1 means 1, a negative count means 0, and count is capped at the
 * advertised {@code filter.maxResults}.
 */
public record SearchParameters(
    String filter, String sortBy, String sortOrder, String startIndex, String count) {
  /** Longer filters are refused before parsing: no legitimate client needs more. */
  static final int MAX_FILTER_LENGTH = 10_000;

  public SearchQuery toQuery(int maxResults) throws BadRequestException {
    int start = Math.max(1, integer("startIndex", startIndex, 1));
    int size = Math.min(maxResults, Math.max(0, integer("count", count, maxResults)));
    return new SearchQuery(parseFilter(), blankToNull(sortBy), descending(), start, size);
  }

  private Filter parseFilter() throws BadRequestException {
    if (filter == null || filter.isBlank()) {
      return null;
    }
    if (filter.length() > MAX_FILTER_LENGTH) {
      throw BadRequestException.invalidFilter(
          "the filter is longer than " + MAX_FILTER_LENGTH + " characters");
    }
    if (filter.indexOf('\u0000') >= 0) {
      throw BadRequestException.invalidFilter("the filter contains a NUL character");
    }
    Filter parsed;
    try {
      parsed = Filter.fromString(LenientFilter.normalize(filter));
    } catch (BadRequestException e) {
      throw BadRequestException.invalidFilter(
          "the filter is not valid: " + firstLine(e.getMessage()));
    }
    FilterLimits.check(parsed);
    return parsed;
  }

  private boolean descending() throws BadRequestException {
    if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("ascending")) {
      return false;
    }
    if (sortOrder.equalsIgnoreCase("descending")) {
      return true;
    }
    throw BadRequestException.invalidValue(
        "sortOrder must be 'ascending' or 'descending', got '" + sortOrder + "'");
  }

  /** A whole number, clamped into the int range (a huge count means "as many as allowed"). */
  private static int integer(String name, String value, int absent) throws BadRequestException {
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      return new java.math.BigInteger(value.strip())
          .max(java.math.BigInteger.valueOf(Integer.MIN_VALUE))
          .min(java.math.BigInteger.valueOf(Integer.MAX_VALUE))
          .intValue();
    } catch (NumberFormatException e) {
      throw BadRequestException.invalidValue(name + " must be a whole number, got '" + value + "'");
    }
  }

  /** The parser's own words, without the JSON library's location suffix. */
  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int cut = message.indexOf('\n');
    return (cut < 0 ? message : message.substring(0, cut)).strip();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
