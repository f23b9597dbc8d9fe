package dev.roster.domain;

/** A uniqueness rule would break (a duplicate userName, group name, token name). */
public final class Conflict extends RosterException {
  public Conflict(String message) {
    super(message);
  }
}
