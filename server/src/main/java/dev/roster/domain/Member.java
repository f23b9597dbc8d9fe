package dev.roster.domain;

import java.util.UUID;

/** A member of a group as read back: who, what kind, and a display name. */
public record Member(UUID id, MemberType type, String display) {}
