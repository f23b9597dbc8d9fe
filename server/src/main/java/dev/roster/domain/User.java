package dev.roster.domain;

import java.util.UUID;

/**
 * A user of one tenant. {@code userName} is unique per tenant ignoring case. The password is never
 * part of this value: it is hashed on the way in and never read back.
 */
public record User(
    UUID id,
    String userName,
    String externalId,
    boolean active,
    Account account,
    UserDetails details,
    Meta meta) {}
