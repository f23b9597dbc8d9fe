package dev.roster.store;

import dev.roster.domain.GroupRef;
import dev.roster.domain.SecretCipher;
import dev.roster.domain.SecretWrite;
import dev.roster.domain.Source;
import dev.roster.domain.User;
import dev.roster.domain.UserSettings;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Users of one tenant. Writes must run inside {@link Transactions#inTransaction}. */
public interface UserStore {
  Optional<User> find(UUID tenantId, UUID id);

  /**
   * The user, its row locked until the transaction ends: read-modify-write of one user (PUT, PATCH)
   * runs one at a time, so no concurrent write is lost.
   */
  Optional<User> findForUpdate(UUID tenantId, UUID id);

  Optional<User> findByUserName(UUID tenantId, String userName);

  boolean hasPassword(UUID tenantId, UUID id);

  /** Inserts a new user; a taken userName throws {@link dev.roster.domain.Conflict}. */
  User insert(UUID tenantId, User user, String passwordHashOrNull);

  /**
   * Replaces a user's attributes and bumps its version; {@code newPasswordHash} null keeps the
   * stored one.
   */
  User update(UUID tenantId, User user, String newPasswordHashOrNull);

  /**
   * Makes the user's stored secret values and credential passwords match {@code settings}: the
   * {@code sealed} ones are written (replacing a value of the same name), the ones whose names
   * {@code settings} no longer lists are deleted, the others stay as they are.
   */
  void writeSecrets(UUID tenantId, UUID userId, List<SealedSecret> sealed, UserSettings settings);

  /** Whether the tenant has a user with this id. */
  boolean exists(UUID tenantId, UUID id);

  /**
   * Notes a successful sign-in (the Roster extension's lastLogin). Not a change of the resource:
   * the version (the ETag) stays, so a client's If-Match is not broken by its user signing in.
   */
  void recordLogin(UUID tenantId, UUID id, java.time.Instant when);

  /** Deletes a user and its memberships; false if there was none. */
  boolean delete(UUID tenantId, UUID id);

  Page<User> search(UUID tenantId, SearchQuery query);

  /** The groups each user is a direct member of, by any origin; users in none are absent. */
  Map<UUID, List<GroupRef>> groupsOf(UUID tenantId, Collection<UUID> userIds);

  /**
   * The permissions each user holds through its groups, nested groups included (the groups' {@code
   * permissions}); users holding none are absent. One query for all of them.
   */
  Map<UUID, List<String>> groupPermissions(UUID tenantId, Collection<UUID> userIds);

  /** What checking a password needs of the user with this userName (ignoring case). */
  Optional<Credentials> credentials(UUID tenantId, String userName);

  /** The same for the LDAP user of {@code sourceName} mirroring the entry with this anchor. */
  Optional<Credentials> credentialsByAnchor(UUID tenantId, String sourceName, String anchor);

  /** An encrypted secret value or credential password, by the name it is stored under. */
  record SealedSecret(SecretWrite.Kind kind, String name, SecretCipher.Sealed sealed) {}

  /**
   * How a user signs in: its source, for LDAP users the directory source and entry DN, for LOCAL
   * users the Argon2id hash (never shown by {@link #toString()}).
   */
  record Credentials(
      UUID id,
      String userName,
      Source source,
      String sourceName,
      String ldapDn,
      String passwordHash,
      boolean active) {
    @Override
    public String toString() {
      return "Credentials[id="
          + id
          + ", userName="
          + userName
          + ", source="
          + source
          + ", sourceName="
          + sourceName
          + ", ldapDn="
          + ldapDn
          + ", active="
          + active
          + "]";
    }
  }
}
