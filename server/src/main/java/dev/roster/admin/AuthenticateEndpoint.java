package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.roster.auth.Caller;
import dev.roster.auth.CredentialCheck;
import dev.roster.auth.CredentialCheck.Authenticated;
import dev.roster.domain.Invalid;
import dev.roster.scim.ScimJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/**
 * {@code POST /admin/authenticate}: checks a user's password for a client that signs people in.
 * Needs an {@code admin} token; the password is read, checked and forgotten, never echoed.
 *
 * <pre>
 * POST /admin/authenticate  {"userName": "ada", "password": "…"}
 * 200 {"authenticated": true, "userId": "…", "userName": "ada", "source": "LDAP"}
 * 400 empty password, LOCAL_NO_AUTH user · 401 wrong · 429 slowed down · 503 directory down
 * </pre>
 */
@Path("/authenticate")
public final class AuthenticateEndpoint {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final CredentialCheck check;
  @Context private SecurityContext security;

  @Inject
  public AuthenticateEndpoint(CredentialCheck check) {
    this.check = check;
  }

  @POST
  @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  public Response authenticate(byte[] body) throws BadRequestException {
    JsonNode json = ScimJson.parse(body);
    return ok(check.check(tenantId(), text(json, "userName"), text(json, "password")));
  }

  private UUID tenantId() {
    return Caller.of(security).tenantId();
  }

  /** The string member {@code name}; null when absent. The value is never put in a message. */
  static String text(JsonNode json, String name) {
    JsonNode value = json.isObject() ? json.get(name) : null;
    if (!json.isObject() || (value != null && !value.isNull() && !value.isTextual())) {
      throw new Invalid(name, "must be a string in a JSON object {\"userName\", \"password\"}");
    }
    return value == null || value.isNull() ? null : value.asText();
  }

  static Response ok(Authenticated who) {
    ObjectNode node = NODES.objectNode();
    node.put("authenticated", true);
    node.put("userId", who.userId().toString());
    node.put("userName", who.userName());
    node.put("source", who.source().name());
    return Response.ok(node, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
