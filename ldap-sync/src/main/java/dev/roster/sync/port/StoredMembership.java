package dev.roster.sync.port;

import java.util.UUID;

/** A membership of origin {@code LDAP:<source>}: the only kind the sync adds or removes. */
public record StoredMembership(UUID groupId, UUID userId) {}
