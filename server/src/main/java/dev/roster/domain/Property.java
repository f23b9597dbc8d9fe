package dev.roster.domain;

/** One key of a user's properties or preferences, with its value. */
public record Property(String key, String value) {}
