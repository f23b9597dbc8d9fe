package dev.roster.domain;

import java.util.Optional;

/**
 * What a client asks a user to be on create or replace: the writable attributes, and a password in
 * clear that only the service sees, hashes and forgets.
 */
public record UserDraft(
    String userName,
    String externalId,
    boolean active,
    Optional<Source> requestedSource,
    UserDetails details,
    Optional<String> password) {

  /** The same draft with this password (a PATCH learns it apart from the other attributes). */
  public UserDraft withPassword(Optional<String> newPassword) {
    return new UserDraft(userName, externalId, active, requestedSource, details, newPassword);
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
