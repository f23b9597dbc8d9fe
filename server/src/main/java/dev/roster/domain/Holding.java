package dev.roster.domain;

import java.util.UUID;

/** That a group holds {@code member}, a user or a group, through a membership of {@code origin}. */
public record Holding(UUID member, MemberType type, Origin origin) {}
