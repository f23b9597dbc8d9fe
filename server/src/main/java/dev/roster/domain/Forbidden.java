package dev.roster.domain;

/** The caller is known but may not do this. */
public final class Forbidden extends RosterException {
  public Forbidden(String message) {
    super(message);
  }
}
