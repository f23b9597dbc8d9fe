package dev.roster.domain;

/** The resource does not exist in the caller's tenant. */
public final class NotFound extends RosterException {
  public NotFound(String message) {
    super(message);
  }

  public static NotFound user(Object id) {
    return new NotFound("no user with id " + id);
  }

  public static NotFound group(Object id) {
    return new NotFound("no group with id " + id);
  }
}
