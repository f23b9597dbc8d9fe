package dev.roster.domain;

/**
 * A password check failed. One message for every cause — an unknown userName, a wrong password, an
 * inactive user — so that the answer never tells which.
 */
public final class BadCredentials extends RosterException {
  public BadCredentials() {
    super("the userName or the password is wrong, or the user may not sign in");
  }
}
