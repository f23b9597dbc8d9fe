package dev.roster.domain;

import java.util.UUID;

/** A tenant inside an organization; everything a token can see belongs to one tenant. */
public record Tenant(UUID id, UUID organizationId, String name) {
  /** The tenant a fresh install creates (see the first migration). */
  public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
}
