package dev.roster.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import dev.roster.domain.Group;
import dev.roster.domain.Invalid;
import dev.roster.domain.InvalidFilter;
import dev.roster.domain.User;
import dev.roster.scim.map.GroupMapper;
import dev.roster.scim.schema.AttributePaths;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.store.GroupStore;
import dev.roster.store.Keyset;
import dev.roster.store.Page;
import dev.roster.store.Paging;
import dev.roster.store.SearchQuery;
import dev.roster.store.Transactions;
import dev.roster.store.UserStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /.search} at the server root (RFC 7644 §3.4.3): one search over users and groups.
 * Results are the users, then the groups, each sorted by {@code sortBy}; {@code totalResults} is
 * both counts. An attribute only one type has (userName, members) counts as absent on the other, so
 * {@code userName eq "x" or displayName eq "x"} finds both kinds; a name no type has is a 400.
 * Cursor paging walks the users and then the groups; only {@code nextCursor} is given here.
 */
@jakarta.ws.rs.Path("/.search")
@Singleton
public final class RootSearchEndpoint {
  private static final String SCOPE = "root";
  private static final List<ScimResourceType> TYPES =
      List.of(ScimResourceType.USER, ScimResourceType.GROUP);

  private final Transactions tx;
  private final UserStore users;
  private final GroupStore groups;
  private final ScimSettings settings;

  @Inject
  public RootSearchEndpoint(
      Transactions tx, UserStore users, GroupStore groups, ScimSettings settings) {
    this.tx = tx;
    this.users = users;
    this.groups = groups;
    this.settings = settings;
  }

  @POST
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  public Response search(
      @Context RequestContext ctx,
      @jakarta.ws.rs.QueryParam(HiddenUsers.PARAMETER) boolean includeHidden,
      byte[] body)
      throws ScimException {
    SearchParameters parameters = SearchRequests.read(body);
    Filter filter = parameters.parseFilter();
    checkKnown(filter);
    String sortBy = SearchParameters.blankToNull(parameters.sortBy());
    checkSortable(sortBy);
    checkProjection(parameters.attributes(), "attributes");
    checkProjection(parameters.excludedAttributes(), "excludedAttributes");
    boolean descending = parameters.descending();
    SearchQuery query = new SearchQuery(filter, sortBy, descending, new Paging.Index(1, 0), true);
    SearchQuery userQuery = HiddenUsers.leaveOut(query, includeHidden);
    Projection userProjection =
        Projection.of(
            ScimResourceType.USER, parameters.attributes(), parameters.excludedAttributes(), true);
    Projection groupProjection =
        Projection.of(
            ScimResourceType.GROUP, parameters.attributes(), parameters.excludedAttributes(), true);
    String fingerprint = Cursors.fingerprint(SCOPE, filter, sortBy, descending);
    int count = parameters.count(settings.maxResults());
    Cursors.Position position = parameters.cursorPaging() ? cursor(parameters, fingerprint) : null;
    int startIndex = parameters.firstIndex();
    ListResponse<ObjectNode> page =
        tx.reading(
            () -> {
              Pages pages =
                  parameters.cursorPaging()
                      ? byCursor(ctx, userQuery, query, count, position, fingerprint)
                      : byIndex(ctx, userQuery, query, count, startIndex);
              List<ObjectNode> resources = new ArrayList<>();
              resources.addAll(
                  UsersEndpoint.render(
                          users, ctx.tenantId(), ctx.urls(), pages.users(), userProjection)
                      .items());
              pages
                  .groups()
                  .items()
                  .forEach(
                      group ->
                          resources.add(
                              groupProjection.apply(GroupMapper.toScim(group, ctx.urls()))));
              long total = pages.users().totalResults() + pages.groups().totalResults();
              return new ListResponse<>(
                  (int) Math.min(Integer.MAX_VALUE, total),
                  pages.startIndex(),
                  resources.size(),
                  null,
                  pages.nextCursor(),
                  resources);
            });
    return ScimResponses.json(
        new GroupJson(tx, groups, ctx.tenantId(), ctx.urls(), groupProjection).list(page));
  }

  /** The users' part and the groups' part of one page. */
  private record Pages(
      Page<User> users, Page<Group> groups, Integer startIndex, String nextCursor) {}

  private Pages byIndex(
      RequestContext ctx, SearchQuery userQuery, SearchQuery query, int count, int startIndex) {
    var userPage =
        users.search(ctx.tenantId(), userQuery.withPaging(new Paging.Index(startIndex, count)));
    int left = count - userPage.items().size();
    int groupStart = (int) Math.max(1, startIndex - userPage.totalResults());
    var groupPage =
        groups.search(ctx.tenantId(), query.withPaging(new Paging.Index(groupStart, left)));
    return new Pages(userPage, groupPage, startIndex, null);
  }

  private Pages byCursor(
      RequestContext ctx,
      SearchQuery userQuery,
      SearchQuery query,
      int count,
      Cursors.Position position,
      String fingerprint) {
    boolean inGroups = position != null && position.type().equals(ScimResourceType.GROUP.name());
    Keyset after = position == null ? null : position.keyset();
    var userPage =
        users.search(
            ctx.tenantId(),
            userQuery.withPaging(
                inGroups ? new Paging.Index(1, 0) : new Paging.Cursor(after, false, count)));
    if (userPage.next() != null) {
      var groupCount = groups.search(ctx.tenantId(), query.withPaging(new Paging.Index(1, 0)));
      return new Pages(
          userPage, groupCount, null, cursor(fingerprint, ScimResourceType.USER, userPage.next()));
    }
    int left = count - userPage.items().size();
    var groupPage =
        groups.search(
            ctx.tenantId(),
            query.withPaging(new Paging.Cursor(inGroups ? after : null, false, left)));
    String next = null;
    if (groupPage.next() != null) {
      next = cursor(fingerprint, ScimResourceType.GROUP, groupPage.next());
    } else if (left == 0 && count > 0 && groupPage.totalResults() > 0 && !inGroups) {
      // The users filled the page exactly: the groups start on the next one.
      next = cursor(fingerprint, ScimResourceType.GROUP, null);
    }
    return new Pages(userPage, groupPage, null, next);
  }

  private static String cursor(String fingerprint, ScimResourceType type, Keyset keyset) {
    return Cursors.encode(fingerprint, new Cursors.Position(type.name(), keyset, false));
  }

  private static Cursors.Position cursor(SearchParameters parameters, String fingerprint)
      throws BadRequestException {
    Cursors.Position position = parameters.cursorPosition(fingerprint);
    if (position != null
        && (position.backward()
            || TYPES.stream().noneMatch(t -> t.name().equals(position.type())))) {
      throw BadRequestException.invalidCursor("the cursor is not one this search issued");
    }
    return position;
  }

  /** Every attribute the filter names must belong to at least one resource type. */
  private static void checkKnown(Filter filter) {
    if (filter == null) {
      return;
    }
    if (filter.isCombiningFilter()) {
      filter.getCombinedFilters().forEach(RootSearchEndpoint::checkKnown);
    } else if (filter.isNotFilter()) {
      checkKnown(filter.getInvertedFilter());
    } else {
      Path path = filter.getAttributePath();
      if (TYPES.stream().noneMatch(t -> AttributePaths.resolve(t, path).isPresent())) {
        throw new InvalidFilter(
            "in '"
                + filter
                + "': no resource type has '"
                + path
                + "': "
                + AttributePaths.problem(ScimResourceType.USER, path));
      }
    }
  }

  /** Results are users then groups, each sorted: by an attribute both types have. */
  private static void checkSortable(String sortBy) {
    if (sortBy == null) {
      return;
    }
    Path path;
    try {
      path = Path.fromString(sortBy);
    } catch (BadRequestException e) {
      throw new Invalid("sortBy", "'" + sortBy + "' is not an attribute path");
    }
    if (TYPES.stream().anyMatch(t -> AttributePaths.resolve(t, path).isEmpty())) {
      throw new Invalid(
          "sortBy",
          "at the root, sort by an attribute every resource type has, such as displayName,"
              + " externalId or meta.created");
    }
  }

  private static void checkProjection(String names, String parameter) {
    if (names == null) {
      return;
    }
    for (String name : names.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      List<Invalid> problems = new ArrayList<>();
      for (ScimResourceType type : TYPES) {
        try {
          Projection.of(type, name, null);
        } catch (Invalid e) {
          problems.add(e);
        }
      }
      if (problems.size() == TYPES.size()) {
        throw new Invalid(
            parameter, "'" + name.strip() + "' is not an attribute of any resource type");
      }
    }
  }
}
