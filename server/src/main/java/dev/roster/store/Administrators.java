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

  /** Whether the tenant has at least one active administrator. */
  boolean anyActive(UUID tenantId);
}
