package dev.roster.store;

import dev.roster.domain.AccessToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Access tokens, found by the hash of the token. */
public interface TokenStore {
  /**
   * Stores a token record; a taken name in the tenant throws {@link dev.roster.domain.Conflict}.
   */
  AccessToken insert(AccessToken token, String tokenHash);

  Optional<AccessToken> findByHash(String tokenHash);

  List<AccessToken> list(UUID tenantId);

  /** Removes the token of that name; false if there was none. */
  boolean revoke(UUID tenantId, String name);

  void touch(UUID tokenId, Instant lastUsed);
}
