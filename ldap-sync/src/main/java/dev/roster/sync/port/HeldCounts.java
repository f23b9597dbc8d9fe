package dev.roster.sync.port;

/**
 * What a source holds before a run: its users, those of them that had not left the directory
 * already, and its memberships (origin {@code LDAP:<source>}).
 */
public record HeldCounts(int users, int usersNotLeft, int memberships) {}
