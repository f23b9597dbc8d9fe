package dev.roster.sync.port;

import java.util.UUID;

/**
 * A membership of origin {@code LDAP:<source>}: the only kind the sync adds or removes. {@code
 * userAnchor} is the member's anchor (null if it has none), so that a run can tell the memberships
 * its deletes cascade.
 */
public record StoredMembership(UUID groupId, UUID userId, String userAnchor) {}
