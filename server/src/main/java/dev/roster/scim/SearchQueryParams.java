package dev.roster.scim;

import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of a search (RFC 7644 §3.4.2, §3.9; RFC 9865 §2), as strings so bad values
 * get SCIM errors.
 */
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

  @QueryParam("cursor")
  String cursor;

  @QueryParam("attributes")
  String attributes;

  @QueryParam("excludedAttributes")
  String excludedAttributes;

  SearchParameters toSearchParameters() {
    return new SearchParameters(
        filter, sortBy, sortOrder, startIndex, count, cursor, attributes, excludedAttributes);
  }
}
