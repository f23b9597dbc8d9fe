package dev.roster.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.roster.domain.PasswordHasher;

/**
 * Argon2id (RFC 9106) through password4j, with OWASP's minimum parameters: 19 MiB of memory, 2
 * passes, 1 lane. The encoded hash carries its parameters, so they can be raised later without
 * breaking stored hashes.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  @Override
  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  @Override
  public boolean matches(String password, String hash) {
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }
}
