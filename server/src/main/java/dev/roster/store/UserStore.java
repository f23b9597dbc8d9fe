package dev.roster.store;

import dev.roster.domain.GroupRef;
import dev.roster.domain.Source;
import dev.roster.domain.User;
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

  /** Deletes a user and its memberships; false if there was none. */
  boolean delete(UUID tenantId, UUID id);

  Page<User> search(UUID tenantId, SearchQuery query);

  /** The groups each user is a direct member of, by any origin; users in none are absent. */
  Map<UUID, List<GroupRef>> groupsOf(UUID tenantId, Collection<UUID> userIds);

  /** What checking a password needs of the user with this userName (ignoring case). */
  Optional<Credentials> credentials(UUID tenantId, String userName);

  /** The same for the LDAP user of {@code sourceName} mirroring the entry with this anchor. */
  Optional<Credentials> credentialsByAnchor(UUID tenantId, String sourceName, String anchor);

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
