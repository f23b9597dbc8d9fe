package dev.roster.sync.port;

import java.util.UUID;

/**
 * A user of this source as the store holds it: what the planner compares a directory entry with.
 * {@code disabledBecauseLeft} tells the two kinds of disable apart: a user disabled because it left
 * the directory is enabled again when it returns; one an administrator disabled stays disabled.
 */
public record StoredUser(
    UUID id,
    String anchor,
    String dn,
    String userName,
    String givenName,
    String familyName,
    String displayName,
    String email,
    boolean active,
    boolean disabledBecauseLeft,
    boolean disabledByAdministrator) {}
