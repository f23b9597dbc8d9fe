package dev.roster.sync.read;

/**
 * How a streamed full read ended: the cursor the next incremental read starts from (null when the
 * source cannot have one) and how many entries it passed over as unreadable.
 */
public record FullRead(String cursor, int skippedEntries) {}
