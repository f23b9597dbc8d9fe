package dev.roster.domain;

/** A person's name, RFC 7643 §4.1.1. */
public record Name(
    String formatted,
    String familyName,
    String givenName,
    String middleName,
    String honorificPrefix,
    String honorificSuffix) {}
