package dev.roster.auth;

import dev.roster.domain.Scope;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, as established from the bearer token: the tenant everything is scoped to, what
 * the token may do, and the user that owns it (for /Me), if any.
 */
public record Caller(String tokenName, UUID tenantId, Scope scope, Optional<UUID> ownerUserId)
    implements Principal {
  /** The name of the token. */
  @Override
  public String getName() {
    return tokenName;
  }

  /**
   * The caller the auth filter established, from the request's security context: JAX-RS hands that
   * context to singleton endpoints as a proxy of the request's own.
   */
  public static Caller of(SecurityContext security) {
    if (security.getUserPrincipal() instanceof Caller caller) {
      return caller;
    }
    throw new IllegalStateException("the auth filter did not run for this request");
  }
}
