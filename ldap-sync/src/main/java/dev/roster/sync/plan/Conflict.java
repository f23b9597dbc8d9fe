package dev.roster.sync.plan;

/** A directory entry whose userName already belongs to a LOCAL or LOCAL_NO_AUTH user. */
public record Conflict(String userName, String dn, String localSource, String resolution) {}
