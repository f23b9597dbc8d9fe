package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.roster.auth.IssuedToken;
import dev.roster.auth.TokenService;
import dev.roster.domain.AccessToken;
import dev.roster.domain.Invalid;
import dev.roster.domain.NotFound;
import dev.roster.domain.Scope;
import dev.roster.domain.User;
import dev.roster.scim.RequestContext;
import dev.roster.scim.ScimJson;
import dev.roster.store.Transactions;
import dev.roster.store.UserStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code /admin/tokens}: the access tokens of the caller's tenant (WAII's and DataSentinel's access
 * keys), as {@code roster token} manages them. Needs an {@code admin} token. The token itself is in
 * the answer to its creation only; only its hash is kept.
 *
 * <pre>
 * POST   /admin/tokens          {"name": "ci", "scope": "write", "userName": "ada", "expiresInDays": 30}
 *        201 {"name": "ci", "scope": "write", "token": "…", "userId": "…", "created": "…", …}
 * GET    /admin/tokens          {"tokens": [{"name": "ci", "scope": "write", "created": "…", …}]}
 * DELETE /admin/tokens/{name}   204; 404 when there is none
 * </pre>
 */
@Path("/tokens")
public final class TokensEndpoint {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final TokenService tokens;
  private final Transactions tx;
  private final UserStore users;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @Inject
  public TokensEndpoint(TokenService tokens, Transactions tx, UserStore users) {
    this.tokens = tokens;
    this.tx = tx;
    this.users = users;
  }

  @POST
  @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  public Response create(byte[] body) throws BadRequestException {
    JsonNode json = ScimJson.parse(body);
    UUID tenantId = tenantId();
    String scope = text(json, "scope");
    String userName = text(json, "userName");
    UUID owner = null;
    if (userName != null) {
      owner =
          tx.inTransaction(() -> users.findByUserName(tenantId, userName))
              .map(User::id)
              .orElseThrow(() -> new Invalid("userName", "no user named '" + userName + "'"));
    }
    IssuedToken issued =
        tokens.create(
            tenantId,
            text(json, "name"),
            scope == null ? Scope.READ : Scope.parse(scope),
            owner,
            expires(json.get("expiresInDays")));
    ObjectNode node = json(issued.token());
    node.put("token", issued.secret());
    return Response.status(Response.Status.CREATED)
        .location(uri.getAbsolutePathBuilder().path(issued.token().name()).build())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(node)
        .build();
  }

  @GET
  public Response list() {
    ObjectNode body = NODES.objectNode();
    var items = body.putArray("tokens");
    tokens.list(tenantId()).forEach(token -> items.add(json(token)));
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  @DELETE
  @Path("{name}")
  public Response revoke(@PathParam("name") String name) {
    if (!tokens.revoke(tenantId(), name)) {
      throw new NotFound("no token named '" + name + "'");
    }
    return Response.noContent().build();
  }

  /** The string member {@code name} of the body; null when absent. */
  private static String text(JsonNode json, String name) {
    JsonNode value = json.isObject() ? json.get(name) : null;
    if (!json.isObject() || (value != null && !value.isNull() && !value.isTextual())) {
      throw new Invalid(
          name,
          "must be a string in a JSON object {\"name\", \"scope\", \"userName\", \"expiresInDays\"}");
    }
    return value == null || value.isNull() ? null : value.asText();
  }

  private UUID tenantId() {
    return RequestContext.of(security, uri).tenantId();
  }

  private static Instant expires(JsonNode days) {
    if (days == null || days.isNull()) {
      return null;
    }
    if (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 1) {
      throw new Invalid("expiresInDays", "must be a whole number of days, 1 or more");
    }
    return Instant.now().plus(Duration.ofDays(days.asInt()));
  }

  /** What is kept of a token: never the token itself. */
  private static ObjectNode json(AccessToken token) {
    ObjectNode node = NODES.objectNode();
    node.put("name", token.name());
    node.put("scope", token.scope().label());
    node.put("userId", token.ownerUserId() == null ? null : token.ownerUserId().toString());
    node.put("created", token.created().toString());
    node.put("lastUsed", token.lastUsed() == null ? null : token.lastUsed().toString());
    node.put("expires", token.expires() == null ? null : token.expires().toString());
    return node;
  }
}
