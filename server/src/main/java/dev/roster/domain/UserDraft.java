package dev.roster.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a client asks a user to be on create or replace: the writable attributes, and a password and
 * secret values in clear that only the service sees, hashes or encrypts, and forgets.
 *
 * @param profile the profile asked for; null for the configured default
 * @param secretWrites the secret values and credential passwords this write sets
 */
public record UserDraft(
    String userName,
    String externalId,
    boolean active,
    Optional<Source> requestedSource,
    UserDetails details,
    Optional<String> password,
    String profile,
    boolean hidden,
    List<SecretWrite> secretWrites) {

  public UserDraft {
    secretWrites = secretWrites == null ? List.of() : List.copyOf(secretWrites);
  }

  /** The same draft with this password (a PATCH learns it apart from the other attributes). */
  public UserDraft withPassword(Optional<String> newPassword) {
    return new UserDraft(
        userName,
        externalId,
        active,
        requestedSource,
        details,
        newPassword,
        profile,
        hidden,
        secretWrites);
  }

  @Override
  public String toString() {
    return "UserDraft[userName="
        + userName
        + ", password="
        + (password.isPresent() ? "****" : "none")
        + "]";
  }
}
