package dev.roster.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.SearchRequest;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.store.Paging;
import dev.roster.store.SearchQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigInteger;

/**
 * The parameters of a search (RFC 7644 §3.4.2, RFC 9865 §2), as a client sent them in the query
 * string or a {@code /.search} body, turned into a {@link Search}. RFC 7644 §3.4.2.4: a startIndex
 * below 1 means 1, a negative count means 0, and count is capped at the advertised {@code
 * filter.maxResults}. A {@code cursor} parameter, even empty, asks for cursor paging.
 */
public record SearchParameters(
    String filter,
    String sortBy,
    String sortOrder,
    String startIndex,
    String count,
    String cursor,
    String attributes,
    String excludedAttributes) {
  /** Longer filters are refused before parsing: no legitimate client needs more. */
  static final int MAX_FILTER_LENGTH = 10_000;

  /** The search in a request's query string; {@link RequestValues} hands it to the endpoints. */
  static SearchParameters of(UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    return new SearchParameters(
        query.getFirst("filter"),
        query.getFirst("sortBy"),
        query.getFirst("sortOrder"),
        query.getFirst("startIndex"),
        query.getFirst("count"),
        query.getFirst("cursor"),
        query.getFirst("attributes"),
        query.getFirst("excludedAttributes"));
  }

  /** The same search sent as the body of {@code POST …/.search} (RFC 7644 §3.4.3). */
  static SearchParameters of(SearchRequest request) {
    return new SearchParameters(
        request.getFilter(),
        request.getSortBy(),
        request.getSortOrder() == null ? null : request.getSortOrder().getName(),
        request.getStartIndex() == null ? null : request.getStartIndex().toString(),
        request.getCount() == null ? null : request.getCount().toString(),
        request.getCursor(),
        request.getAttributes() == null ? null : String.join(",", request.getAttributes()),
        request.getExcludedAttributes() == null
            ? null
            : String.join(",", request.getExcludedAttributes()));
  }

  /** Parses and checks everything a search of {@code type} needs. */
  Search parse(ScimResourceType type, int maxResults) throws BadRequestException {
    Filter parsed = parseFilter();
    boolean descending = descending();
    String sort = blankToNull(sortBy);
    String fingerprint = Cursors.fingerprint(type.name(), parsed, sort, descending);
    SearchQuery query =
        new SearchQuery(parsed, sort, descending, paging(type, maxResults, fingerprint));
    return new Search(
        type, query, Projection.of(type, attributes, excludedAttributes), fingerprint);
  }

  /** The filter, parsed and within its limits; null when there is none. */
  Filter parseFilter() throws BadRequestException {
    return parseFilter(filter);
  }

  /**
   * A filter sent on its own (the CSV export's), parsed and checked as a search's is; null when
   * blank.
   */
  public static Filter parseFilter(String filter) throws BadRequestException {
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

  /** Index paging, or cursor paging when a cursor was sent. */
  Paging paging(ScimResourceType type, int maxResults, String fingerprint)
      throws BadRequestException {
    int size = count(maxResults);
    if (cursor == null) {
      return new Paging.Index(firstIndex(), size);
    }
    Cursors.Position position = cursorPosition(fingerprint);
    if (position == null) {
      return new Paging.Cursor(null, false, size);
    }
    if (!position.type().equals(type.name()) || position.keyset() == null) {
      throw BadRequestException.invalidCursor(
          "the cursor belongs to another search; start again with an empty cursor");
    }
    return new Paging.Cursor(position.keyset(), position.backward(), size);
  }

  /** Whether the client asked for cursor paging (RFC 9865 §2: a cursor parameter, even empty). */
  boolean cursorPaging() {
    return cursor != null;
  }

  /** The page size asked for, within 0 and {@code maxResults}. */
  int count(int maxResults) throws BadRequestException {
    return Math.min(maxResults, Math.max(0, integer("count", count, maxResults)));
  }

  /** The 1-based index of the first result asked for. */
  int firstIndex() throws BadRequestException {
    return Math.max(1, integer("startIndex", startIndex, 1));
  }

  /** Where the cursor says to start, or null for the first page. */
  Cursors.Position cursorPosition(String fingerprint) throws BadRequestException {
    if (startIndex != null && !startIndex.isBlank()) {
      throw BadRequestException.invalidValue(
          "send startIndex (index paging) or cursor (cursor paging), not both");
    }
    return cursor.isBlank() ? null : Cursors.decode(cursor.strip(), fingerprint);
  }

  boolean descending() throws BadRequestException {
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
      return new BigInteger(value.strip())
          .max(BigInteger.valueOf(Integer.MIN_VALUE))
          .min(BigInteger.valueOf(Integer.MAX_VALUE))
          .intValue();
    } catch (NumberFormatException e) {
      throw BadRequestException.invalidValue(name + " must be a whole number, got '" + value + "'");
    }
  }

  /**
   * The parser's own words (they say at which position), without the JSON library's description of
   * its input that can follow them.
   */
  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    String line = message;
    for (String noise : new String[] {"\n", " (start marker", " at [Source"}) {
      int cut = line.indexOf(noise);
      if (cut >= 0) {
        line = line.substring(0, cut);
      }
    }
    return line.strip();
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
