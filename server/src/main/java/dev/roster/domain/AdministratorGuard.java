package dev.roster.domain;

import dev.roster.store.Administrators;
import java.util.UUID;

/**
 * Keeps every tenant that has an active administrator from losing its last one (Opendatasoft: "the
 * last domain administrator cannot be deleted"). Without one nobody could manage the tenant's users
 * over SCIM, and an identity provider's unassignment could lock everyone out. A write that may
 * demote someone asks {@link #administered} before and {@link #check} after, in the same
 * transaction, so a refused write leaves nothing behind.
 */
public final class AdministratorGuard {
  /** The role value that makes a user an administrator (compared ignoring case). */
  public static final String ADMIN_ROLE = "admin";

  private final Administrators administrators;

  public AdministratorGuard(Administrators administrators) {
    this.administrators = administrators;
  }

  /** Whether this user is an active administrator now. */
  public boolean isActiveAdministrator(UUID tenantId, User user) {
    return user.active()
        && (hasAdminRole(user.details()) || administrators.inAdminGroup(tenantId, user.id()));
  }

  public boolean administered(UUID tenantId) {
    return administrators.anyActive(tenantId);
  }

  /**
   * Throws when the tenant was administered before the write and is not after it.
   *
   * @param what what the write did, for the message ("deleting user 'x'")
   */
  public void check(UUID tenantId, boolean before, String what) {
    if (!before) {
      return;
    }
    // Two writes demoting the last two administrators at once would each still count the other;
    // taking the tenant's lock first makes the second count after the first has committed.
    administrators.lockTenant(tenantId);
    if (!administrators.anyActive(tenantId)) {
      throw new LastAdministrator(
          what
              + " would leave this tenant without an active administrator; make another user an"
              + " administrator first (the admin role, or membership of an admin group)");
    }
  }

  static boolean hasAdminRole(UserDetails details) {
    return details.roles().stream()
        .anyMatch(role -> role.value() != null && role.value().equalsIgnoreCase(ADMIN_ROLE));
  }
}
