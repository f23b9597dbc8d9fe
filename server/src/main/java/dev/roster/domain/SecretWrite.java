package dev.roster.domain;

/**
 * A secret value or credential password a write sets, in clear: only the service sees it, seals it
 * ({@link SecretCipher}) and forgets it. Never printed.
 */
public record SecretWrite(Kind kind, String name, String clear) {
  /** Which list the name belongs to. */
  public enum Kind {
    SECRET,
    CREDENTIAL
  }

  @Override
  public String toString() {
    return "SecretWrite[" + kind + " " + name + ", ****]";
  }
}
