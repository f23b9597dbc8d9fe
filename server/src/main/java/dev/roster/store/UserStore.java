package dev.roster.store;

import dev.roster.domain.GroupRef;
import dev.roster.domain.User;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Users of one tenant. Writes must run inside {@link Transactions#inTransaction}. */
public interface UserStore {
  Optional<User> find(UUID tenantId, UUID id);

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
}
