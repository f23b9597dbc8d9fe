package dev.roster.scim;

import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * Carries a SCIM error out of code that cannot throw checked exceptions (a change computed inside a
 * service's transaction); the exception mapper answers with the error it carries.
 */
public final class UncheckedScimException extends RuntimeException {
  private final ScimException scim;

  public UncheckedScimException(ScimException scim) {
    super(scim.getMessage(), scim, false, false);
    this.scim = scim;
  }

  public ScimException scim() {
    return scim;
  }
}
