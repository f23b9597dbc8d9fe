package dev.roster.domain;

import java.time.Instant;

/**
 * A named secret of a user, as far as anyone may see it: its name and when its value was last set.
 * The value itself is encrypted at rest and never read back into the domain.
 */
public record Secret(String name, Instant lastUpdate) {}
