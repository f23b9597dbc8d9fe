package dev.roster.domain;

/** A value is missing, of the wrong type or not allowed; {@code field} names it. */
public final class Invalid extends RosterException {
  private final String field;

  public Invalid(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
