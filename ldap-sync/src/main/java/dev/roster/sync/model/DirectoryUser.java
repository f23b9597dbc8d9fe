package dev.roster.sync.model;

/**
 * A user entry as read from the directory and mapped, keyed by its stable anchor (so a rename or
 * move is an update of the same user, never a delete and a create).
 */
public record DirectoryUser(
    String anchor,
    String dn,
    String userName,
    String givenName,
    String familyName,
    String displayName,
    String email,
    boolean enabled) {}
