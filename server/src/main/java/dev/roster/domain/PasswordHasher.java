package dev.roster.domain;

/** Turns a password into a one-way hash; implemented with a memory-hard KDF. */
public interface PasswordHasher {
  String hash(String password);

  boolean matches(String password, String hash);
}
