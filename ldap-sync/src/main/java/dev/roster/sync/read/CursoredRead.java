package dev.roster.sync.read;

/**
 * What a read returned, and the cursor the source's next incremental read starts from once this is
 * applied: an opaque string for the store to keep, or null when the source has none.
 */
public record CursoredRead<T>(T content, String cursor) {}
