package dev.roster.store;

import java.util.UUID;

/**
 * Who administers a tenant: users holding the {@code admin} role, and members of groups whose admin
 * flag is set, directly or through nested groups. Answered by the database, never by loading users
 * or members.
 */
public interface Administrators {
  /** Whether the user is a member of an admin group, directly or through nested groups. */
  boolean inAdminGroup(UUID tenantId, UUID userId);

  /**
   * Locks the tenant's row until the transaction ends: writes that may remove an administrator take
   * it before they count the ones left, so two of them never both count on each other.
   */
  void lockTenant(UUID tenantId);

  /** Whether the tenant has at least one active administrator. */
  boolean anyActive(UUID tenantId);
}
