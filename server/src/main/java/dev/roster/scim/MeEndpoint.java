package dev.roster.scim;

import com.unboundid.scim2.common.exceptions.ScimException;
import dev.roster.domain.NotFound;
import dev.roster.scim.schema.ScimResourceType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * {@code /Me} (RFC 7644 §3.11): an alias of the user the bearer token was issued for, served
 * directly for GET, PUT and PATCH with the same rules as {@code /Users/{id}}. Every answer's {@code
 * Location} is the user's permanent URL. A token issued for no user has no {@code /Me}: 404, which
 * the RFC allows when the subject is not a resource here.
 */
@Path("/Me")
@Singleton
public final class MeEndpoint {
  private final UserResources users;

  @Inject
  public MeEndpoint(UserResources users) {
    this.users = users;
  }

  @GET
  public Response get(
      @Context RequestContext ctx,
      @Context ProjectionParams projection,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    UUID owner = owner(ctx);
    Rendered rendered = users.get(ctx, owner, projection.of(ScimResourceType.USER));
    return at(
        ctx,
        owner,
        ETags.noneMatchHits(ifNoneMatch, rendered.version())
            ? ScimResponses.notModified(rendered)
            : ScimResponses.ok(rendered));
  }

  @PUT
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  public Response replace(
      @Context RequestContext ctx,
      @Context ProjectionParams projection,
      @HeaderParam("If-Match") String ifMatch,
      byte[] body)
      throws ScimException {
    UUID owner = owner(ctx);
    Rendered rendered =
        users.replace(
            ctx,
            owner,
            ScimJson.parse(body),
            ETags.ifMatch(ifMatch),
            projection.of(ScimResourceType.USER));
    return at(ctx, owner, ScimResponses.ok(rendered));
  }

  @PATCH
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  public Response patch(
      @Context RequestContext ctx,
      @Context ProjectionParams projection,
      @HeaderParam("If-Match") String ifMatch,
      byte[] body)
      throws ScimException {
    UUID owner = owner(ctx);
    Rendered rendered =
        users.patch(
            ctx,
            owner,
            ScimJson.parse(body),
            ETags.ifMatch(ifMatch),
            projection.of(ScimResourceType.USER));
    return at(ctx, owner, ScimResponses.ok(rendered));
  }

  private static UUID owner(RequestContext ctx) {
    return ctx.caller()
        .ownerUserId()
        .orElseThrow(
            () ->
                new NotFound(
                    "/Me is the user a token was issued for, and this token was issued for none;"
                        + " use /Users/{id}, or a token made with"
                        + " 'roster token create --user <userName>'"));
  }

  /** RFC 7644 §3.11: the Location of any answer is the aliased resource's own. */
  private static Response at(RequestContext ctx, UUID owner, Response response) {
    return Response.fromResponse(response).location(URI.create(ctx.urls().user(owner))).build();
  }
}
