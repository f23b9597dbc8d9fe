package dev.roster.domain;

import java.time.Instant;

/** When a resource was made and last changed, and its version (drives ETags, RFC 7644 §3.14). */
public record Meta(Instant created, Instant lastModified, long version) {}
