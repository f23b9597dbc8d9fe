package dev.roster.domain;

/** The manager reference of the Enterprise User extension, RFC 7643 §4.3. */
public record Manager(String value, String ref, String displayName) {}
