package dev.roster.scim;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import dev.roster.scim.schema.ScimSchemas;
import dev.roster.store.SearchQuery;

/**
 * Lists leave hidden users out (LumApps' hidden users; a directory's service accounts) unless the
 * filter names {@code hidden} — {@code urn:roster:scim:extension:2.0:User:hidden eq true} finds
 * them — or the request says {@code includeHidden=true}. A read by id always finds a hidden user.
 */
final class HiddenUsers {
  static final String PARAMETER = "includeHidden";
  private static final Filter NOT_HIDDEN =
      Filter.eq(
          Path.root(ScimSchemas.ROSTER_USER_URN).attribute("hidden"),
          com.fasterxml.jackson.databind.node.BooleanNode.FALSE);

  private HiddenUsers() {}

  /** The users' query with hidden users left out, unless asked for either way. */
  static SearchQuery leaveOut(SearchQuery query, boolean includeHidden) {
    if (includeHidden || (query.filter() != null && names(query.filter()))) {
      return query;
    }
    Filter filter = query.filter() == null ? NOT_HIDDEN : Filter.and(query.filter(), NOT_HIDDEN);
    return new SearchQuery(
        filter,
        query.sortBy(),
        query.descending(),
        query.paging(),
        query.unknownAttributesAbsent());
  }

  private static boolean names(Filter filter) {
    if (filter.isCombiningFilter()) {
      return filter.getCombinedFilters().stream().anyMatch(HiddenUsers::names);
    }
    if (filter.getFilterType() == com.unboundid.scim2.common.filters.FilterType.NOT) {
      return names(filter.getInvertedFilter());
    }
    Path path = filter.getAttributePath();
    if (path == null || path.size() == 0) {
      return false;
    }
    String urn = path.getSchemaUrn();
    return (urn == null || urn.equalsIgnoreCase(ScimSchemas.ROSTER_USER_URN))
        && path.getElement(0).getAttribute().equalsIgnoreCase("hidden");
  }
}
