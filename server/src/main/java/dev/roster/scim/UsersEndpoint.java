package dev.roster.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.roster.domain.EffectivePermissions;
import dev.roster.domain.GroupRef;
import dev.roster.domain.NotFound;
import dev.roster.domain.User;
import dev.roster.domain.UserService;
import dev.roster.scim.map.ScimUrls;
import dev.roster.scim.map.UserMapper;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.scim.schema.ScimSchemas;
import dev.roster.store.Page;
import dev.roster.store.Transactions;
import dev.roster.store.UserStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /Users}: RFC 7644 §3.3 create, §3.4 read and search (GET and {@code POST /.search}),
 * §3.5.1 replace, §3.6 delete, every response shaped by {@code attributes} / {@code
 * excludedAttributes}.
 */
@Path("/Users")
@Singleton
public final class UsersEndpoint {
  private final Transactions tx;
  private final UserStore users;
  private final ScimSettings settings;
  private final UserResources resources;

  @Inject
  public UsersEndpoint(
      Transactions tx, UserStore users, UserService service, ScimSettings settings) {
    this.tx = tx;
    this.users = users;
    this.settings = settings;
    this.resources = new UserResources(tx, users, service);
  }

  @GET
  public Response search(
      @Context RequestContext ctx,
      @Context SearchParameters parameters,
      @QueryParam(HiddenUsers.PARAMETER) boolean includeHidden)
      throws ScimException {
    return runSearch(ctx, parameters, includeHidden);
  }

  @POST
  @Path(".search")
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  public Response searchByPost(
      @Context RequestContext ctx,
      @QueryParam(HiddenUsers.PARAMETER) boolean includeHidden,
      byte[] body)
      throws ScimException {
    return runSearch(ctx, SearchRequests.read(body), includeHidden);
  }

  @GET
  @Path("{id}")
  public Response get(
      @Context RequestContext ctx,
      @Context ProjectionParams projection,
      @PathParam("id") String id,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    UUID userId = RequestContext.id(id).orElseThrow(() -> NotFound.user(id));
    Rendered rendered = resources.get(ctx, userId, projection.of(ScimResourceType.USER));
    return ETags.noneMatchHits(ifNoneMatch, rendered.version())
        ? ScimResponses.notModified(rendered)
        : ScimResponses.ok(rendered);
  }

  @POST
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  public Response create(
      @Context RequestContext ctx, @Context ProjectionParams projection, byte[] body)
      throws ScimException {
    return ScimResponses.created(
        resources.create(ctx, ScimJson.parse(body), projection.of(ScimResourceType.USER)));
  }

  @PUT
  @Path("{id}")
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  public Response replace(
      @Context RequestContext ctx,
      @Context ProjectionParams projection,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      byte[] body)
      throws ScimException {
    UUID userId = RequestContext.id(id).orElseThrow(() -> NotFound.user(id));
    return ScimResponses.ok(
        resources.replace(
            ctx,
            userId,
            ScimJson.parse(body),
            ETags.ifMatch(ifMatch),
            projection.of(ScimResourceType.USER)));
  }

  /** RFC 7644 §3.5.2 modify: all operations apply or none does; 200 with the whole resource. */
  @PATCH
  @Path("{id}")
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  public Response patch(
      @Context RequestContext ctx,
      @Context ProjectionParams projection,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      byte[] body)
      throws ScimException {
    UUID userId = RequestContext.id(id).orElseThrow(() -> NotFound.user(id));
    return ScimResponses.ok(
        resources.patch(
            ctx,
            userId,
            ScimJson.parse(body),
            ETags.ifMatch(ifMatch),
            projection.of(ScimResourceType.USER)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @Context RequestContext ctx,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch) {
    resources.delete(
        ctx, RequestContext.id(id).orElseThrow(() -> NotFound.user(id)), ETags.ifMatch(ifMatch));
    return ScimResponses.noContent();
  }

  private Response runSearch(RequestContext ctx, SearchParameters parameters, boolean includeHidden)
      throws ScimException {
    Search parsed = parameters.parse(ScimResourceType.USER, settings.maxResults());
    Search search =
        new Search(
            parsed.type(),
            HiddenUsers.leaveOut(parsed.query(), includeHidden),
            parsed.projection(),
            parsed.fingerprint());
    return ScimResponses.list(
        tx.reading(
            () ->
                search.response(
                    render(
                        users,
                        ctx.tenantId(),
                        ctx.urls(),
                        users.search(ctx.tenantId(), search.query()),
                        search.projection()))));
  }

  /**
   * A page of users rendered and projected; their groups and their groups' permissions are read in
   * one query each for the page, and only when the projection shows them. Permissions come only
   * through groups: where the groups were read, only the users in some group are asked about.
   */
  static Page<ObjectNode> render(
      UserStore users, UUID tenantId, ScimUrls urls, Page<User> page, Projection projection) {
    List<UUID> ids = page.items().stream().map(User::id).toList();
    boolean groupsShown = projection.includes("groups");
    Map<UUID, List<GroupRef>> groups = groupsShown ? users.groupsOf(tenantId, ids) : Map.of();
    Map<UUID, List<String>> permissions =
        projection.includesExtension(ScimSchemas.ROSTER_USER_URN, "effectivePermissions")
            ? groupPermissions(users, tenantId, groupsShown ? groups.keySet() : ids)
            : null;
    return page.map(
        user ->
            projection.apply(
                UserMapper.toScim(
                    user,
                    groups.getOrDefault(user.id(), List.of()),
                    permissions == null
                        ? List.of()
                        : EffectivePermissions.of(
                            user, permissions.getOrDefault(user.id(), List.of())),
                    urls)));
  }

  private static Map<UUID, List<String>> groupPermissions(
      UserStore users, UUID tenantId, Collection<UUID> ids) {
    return ids.isEmpty() ? Map.of() : users.groupPermissions(tenantId, ids);
  }
}
