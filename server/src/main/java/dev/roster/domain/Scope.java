package dev.roster.domain;

import java.util.Locale;

/** What a token may do. Each scope includes the ones below it: admin ⊃ write ⊃ read. */
public enum Scope {
  READ,
  WRITE,
  ADMIN;

  public boolean allows(Scope needed) {
    return this.ordinal() >= needed.ordinal();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Scope parse(String text) {
    for (Scope scope : values()) {
      if (scope.label().equalsIgnoreCase(text)) {
        return scope;
      }
    }
    throw new Invalid("scope", "must be read, write or admin, got '" + text + "'");
  }
}
