package dev.roster.auth;

import dev.roster.domain.AccessToken;
import dev.roster.domain.Clock;
import dev.roster.domain.Invalid;
import dev.roster.domain.Scope;
import dev.roster.domain.Tenant;
import dev.roster.store.TokenStore;
import dev.roster.store.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks bearer tokens. A token is 32 random bytes; only its SHA-256 is stored. A fast
 * hash is right here (unlike passwords): the input has 256 bits of entropy, so there is nothing to
 * guess, and the lookup runs on every request.
 */
public final class TokenService {
  private static final String PREFIX = "rst_";

  /** lastUsed is written at most this often per token, so reads do not become writes. */
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private final Transactions tx;
  private final TokenStore tokens;
  private final byte[] bootstrapHash;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param bootstrapToken accepted as an admin token of the default tenant; null or blank for none
   */
  public TokenService(Transactions tx, TokenStore tokens, String bootstrapToken) {
    this.tx = tx;
    this.tokens = tokens;
    this.bootstrapHash =
        bootstrapToken == null || bootstrapToken.isBlank() ? null : sha256(bootstrapToken);
  }

  public IssuedToken create(
      UUID tenantId, String name, Scope scope, UUID ownerUserId, Instant expires) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new Invalid("name", "a token needs a name of 1 to 200 characters");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    AccessToken token =
        new AccessToken(
            UUID.randomUUID(),
            tenantId,
            name.strip(),
            ownerUserId,
            scope,
            Clock.now(),
            null,
            expires);
    AccessToken stored = tx.inTransaction(() -> tokens.insert(token, hex(sha256(secret))));
    return new IssuedToken(secret, stored);
  }

  public List<AccessToken> list(UUID tenantId) {
    return tx.inTransaction(() -> tokens.list(tenantId));
  }

  public boolean revoke(UUID tenantId, String name) {
    return tx.inTransaction(() -> tokens.revoke(tenantId, name));
  }

  /** The caller a bearer token stands for; empty for an unknown or expired token. */
  public Optional<Caller> authenticate(String bearer) {
    if (bearer == null || bearer.isBlank()) {
      return Optional.empty();
    }
    byte[] hash = sha256(bearer);
    if (bootstrapHash != null && MessageDigest.isEqual(hash, bootstrapHash)) {
      return Optional.of(new Caller("bootstrap", Tenant.DEFAULT_ID, Scope.ADMIN, Optional.empty()));
    }
    Instant now = Clock.now();
    // Read-only: a request's lookup takes no snapshot and flushes nothing; the last use is
    // written in a transaction of its own, at most once a minute per token.
    Optional<AccessToken> found =
        tx.reading(() -> tokens.findByHash(hex(hash))).filter(token -> !token.expiredAt(now));
    found
        .filter(
            token ->
                token.lastUsed() == null || token.lastUsed().plus(TOUCH_INTERVAL).isBefore(now))
        .ifPresent(token -> tx.run(() -> tokens.touch(token.id(), now)));
    return found.map(
        token ->
            new Caller(
                token.name(),
                token.tenantId(),
                token.scope(),
                Optional.ofNullable(token.ownerUserId())));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
