package dev.roster.store;

import com.unboundid.scim2.common.filters.Filter;

/**
 * A search as RFC 7644 §3.4.2 defines it, already parsed: an optional filter, an optional sort
 * attribute path and order, and how to page.
 *
 * @param unknownAttributesAbsent how to treat a filter's attributes that this resource type lacks:
 *     as attributes without a value (a search at the server root, RFC 7644 §3.4.2.1, spans types
 *     that have different attributes), or, when false, as a mistake to report
 */
public record SearchQuery(
    Filter filter,
    String sortBy,
    boolean descending,
    Paging paging,
    boolean unknownAttributesAbsent) {

  public SearchQuery(Filter filter, String sortBy, boolean descending, Paging paging) {
    this(filter, sortBy, descending, paging, false);
  }

  public SearchQuery withPaging(Paging other) {
    return new SearchQuery(filter, sortBy, descending, other, unknownAttributesAbsent);
  }
}
