package dev.roster.domain;

import java.util.UUID;

/** A group of one tenant; {@code displayName} is unique per tenant ignoring case. */
public record Group(
    UUID id,
    String displayName,
    String externalId,
    Source source,
    GroupSettings settings,
    Meta meta) {}
