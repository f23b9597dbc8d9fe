package dev.roster.domain;

/**
 * Something Roster depends on (a directory) cannot answer now, so no decision was made: neither yes
 * nor no. The message says what to retry, never what the dependency said.
 */
public final class Unavailable extends RosterException {
  public Unavailable(String message) {
    super(message);
  }
}
