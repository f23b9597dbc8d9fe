package dev.roster.auth;

import dev.roster.domain.Scope;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, as established from the bearer token: the tenant everything is scoped to, what
 * the token may do, and the user that owns it (for /Me), if any.
 */
public record Caller(String tokenName, UUID tenantId, Scope scope, Optional<UUID> ownerUserId) {
  /** The request property under which the auth filter leaves the caller. */
  public static final String PROPERTY = "roster.caller";
}
