package dev.roster.domain;

import java.util.UUID;

/** A reference to a would-be member; its type is checked against the store, not trusted. */
public record MemberRef(UUID id) {}
