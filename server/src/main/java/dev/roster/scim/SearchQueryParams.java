package dev.roster.scim;

import jakarta.ws.rs.QueryParam;

/** The search query parameters of RFC 7644 §3.4.2, as strings so bad values get SCIM errors. */
public final class SearchQueryParams {
  @QueryParam("filter")
  String filter;

  @QueryParam("sortBy")
  String sortBy;

  @QueryParam("sortOrder")
  String sortOrder;

  @QueryParam("startIndex")
  String startIndex;

  @QueryParam("count")
  String count;

  SearchParameters toSearchParameters() {
    return new SearchParameters(filter, sortBy, sortOrder, startIndex, count);
  }
}
