package dev.roster.domain;

/**
 * A pagination cursor (RFC 9865) that this server did not issue for this query: malformed, or from
 * a search with another filter or sort.
 */
public final class InvalidCursor extends RosterException {
  public InvalidCursor(String message) {
    super(message);
  }
}
