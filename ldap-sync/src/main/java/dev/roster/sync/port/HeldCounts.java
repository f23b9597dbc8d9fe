package dev.roster.sync.port;

/**
 * The users a source holds before a run, and those of them that had not left the directory already.
 */
public record HeldCounts(int users, int usersNotLeft) {}
