package dev.roster.scim;

import dev.roster.auth.Caller;
import dev.roster.scim.map.ScimUrls;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;

/** What an endpoint needs from the request: the authenticated caller and the base URL. */
public record RequestContext(Caller caller, ScimUrls urls) {
  public static RequestContext of(SecurityContext security, UriInfo uri) {
    return new RequestContext(Caller.of(security), new ScimUrls(uri.getBaseUri()));
  }

  public UUID tenantId() {
    return caller.tenantId();
  }

  /** A path id that is not a UUID names no resource: 404, not 400. */
  public static Optional<UUID> id(String text) {
    try {
      return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
