package dev.roster.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.roster.domain.Group;
import dev.roster.domain.GroupService;
import dev.roster.domain.NotFound;
import dev.roster.scim.map.GroupMapper;
import dev.roster.scim.patch.GroupPatch;
import dev.roster.scim.schema.ResourceReader;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.store.GroupStore;
import dev.roster.store.Transactions;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code /Groups}: RFC 7644 §3.3 create, §3.4 read and search (GET and {@code POST /.search}),
 * §3.5.1 replace, §3.6 delete. Members are streamed into every response ({@link GroupJson}) and not
 * read at all when {@code excludedAttributes=members}.
 */
@Path("/Groups")
@Singleton
public final class GroupsEndpoint {
  private static final ResourceReader READER = new ResourceReader(ScimResourceType.GROUP);

  private final Transactions tx;
  private final GroupStore groups;
  private final GroupService service;
  private final ScimSettings settings;

  @Inject
  public GroupsEndpoint(
      Transactions tx, GroupStore groups, GroupService service, ScimSettings settings) {
    this.tx = tx;
    this.groups = groups;
    this.service = service;
    this.settings = settings;
  }

  @GET
  public Response search(@Context RequestContext ctx, @Context SearchParameters parameters)
      throws ScimException {
    return runSearch(ctx, parameters);
  }

  @POST
  @Path(".search")
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  public Response searchByPost(@Context RequestContext ctx, byte[] body) throws ScimException {
    return runSearch(ctx, SearchRequests.read(body));
  }

  @GET
  @Path("{id}")
  public Response get(
      @Context RequestContext ctx,
      @Context ProjectionParams projection,
      @PathParam("id") String id,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    Projection shown = projection.of(ScimResourceType.GROUP);
    UUID groupId = RequestContext.id(id).orElseThrow(() -> NotFound.group(id));
    Group group =
        tx.reading(
            () -> groups.find(ctx.tenantId(), groupId).orElseThrow(() -> NotFound.group(id)));
    Rendered rendered = render(ctx, group, shown);
    return ETags.noneMatchHits(ifNoneMatch, rendered.version())
        ? ScimResponses.notModified(rendered)
        : ScimResponses.ok(rendered);
  }

  @POST
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  public Response create(
      @Context RequestContext ctx, @Context ProjectionParams projection, byte[] body)
      throws ScimException {
    Projection shown = projection.of(ScimResourceType.GROUP);
    Group group =
        service.create(ctx.tenantId(), GroupMapper.toDraft(READER.read(ScimJson.parse(body))));
    return ScimResponses.created(render(ctx, group, shown));
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
    Projection shown = projection.of(ScimResourceType.GROUP);
    UUID groupId = RequestContext.id(id).orElseThrow(() -> NotFound.group(id));
    Group group =
        service.replace(
            ctx.tenantId(),
            groupId,
            GroupMapper.toDraft(READER.read(ScimJson.parse(body))),
            ETags.ifMatch(ifMatch));
    return ScimResponses.ok(render(ctx, group, shown));
  }

  /**
   * RFC 7644 §3.5.2 modify: all operations apply or none does. The answer is 204 with the new ETag
   * (the RFC's other choice, and what Entra ID and Okta document for groups), or 200 with the
   * resource when the request asks for one with {@code attributes} or {@code excludedAttributes}: a
   * group's whole resource is every member, so a member added to a group of 100,000 would otherwise
   * cost an answer of 100,000 members.
   */
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
    Projection shown = projection.of(ScimResourceType.GROUP);
    UUID groupId = RequestContext.id(id).orElseThrow(() -> NotFound.group(id));
    Group group =
        GroupPatch.read(ScimJson.parse(body))
            .applyTo(service, ctx.tenantId(), groupId, ETags.ifMatch(ifMatch), ctx.urls());
    if (!projection.given()) {
      return ScimResponses.noContent(ctx.urls().group(group.id()), group.meta().version());
    }
    return ScimResponses.ok(render(ctx, group, shown));
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @Context RequestContext ctx,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch) {
    service.delete(
        ctx.tenantId(),
        RequestContext.id(id).orElseThrow(() -> NotFound.group(id)),
        ETags.ifMatch(ifMatch));
    return ScimResponses.noContent();
  }

  private Response runSearch(RequestContext ctx, SearchParameters parameters) throws ScimException {
    Search search = parameters.parse(ScimResourceType.GROUP, settings.maxResults());
    var page =
        tx.reading(
            () ->
                search.response(
                    groups
                        .search(ctx.tenantId(), search.query())
                        .map(
                            group ->
                                search.projection().apply(GroupMapper.toScim(group, ctx.urls())))));
    return ScimResponses.json(json(ctx, search.projection()).list(page));
  }

  /**
   * The group with its members streamed in when the response is written. The version is the one
   * read here; a member change meanwhile shows in the body and moves the version, so a client that
   * sends this ETag back in If-Match gets a 412, never a lost update.
   */
  private Rendered render(RequestContext ctx, Group group, Projection projection) {
    ObjectNode head = projection.apply(GroupMapper.toScim(group, ctx.urls()));
    return new Rendered(
        json(ctx, projection).one(head), ctx.urls().group(group.id()), group.meta().version());
  }

  private GroupJson json(RequestContext ctx, Projection projection) {
    return new GroupJson(tx, groups, ctx.tenantId(), ctx.urls(), projection);
  }
}
