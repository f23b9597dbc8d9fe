package dev.roster.domain;

import java.util.UUID;

/** A group a user belongs to, for the user's read-only {@code groups} attribute. */
public record GroupRef(UUID id, String displayName) {}
