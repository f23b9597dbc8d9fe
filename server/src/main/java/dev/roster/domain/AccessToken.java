package dev.roster.domain;

import java.time.Instant;
import java.util.UUID;

/** An access token's record; the token itself is never kept, only its hash. */
public record AccessToken(
    UUID id,
    UUID tenantId,
    String name,
    UUID ownerUserId,
    Scope scope,
    Instant created,
    Instant lastUsed,
    Instant expires) {

  public boolean expiredAt(Instant now) {
    return expires != null && !now.isBefore(expires);
  }
}
