package dev.roster.config;

/** How secrets appear in {@code toString()}: whether one is set shows, its value never does. */
final class Redaction {

  private Redaction() {}

  static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "" : "****";
  }
}
