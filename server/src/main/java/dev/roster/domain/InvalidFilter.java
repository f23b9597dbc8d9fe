package dev.roster.domain;

/**
 * A search filter or sort that cannot be answered: bad syntax, an unknown attribute, a wrong value.
 */
public final class InvalidFilter extends RosterException {
  public InvalidFilter(String message) {
    super(message);
  }
}
