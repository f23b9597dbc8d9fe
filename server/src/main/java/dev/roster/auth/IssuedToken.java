package dev.roster.auth;

import dev.roster.domain.AccessToken;

/** A newly created token: the secret, shown once, and the record that is kept. */
public record IssuedToken(String secret, AccessToken token) {
  @Override
  public String toString() {
    return "IssuedToken[" + token.name() + ", secret=****]";
  }
}
