package dev.roster.domain;

import java.time.Instant;

/**
 * A user's credential for a connection or a plugin preset, without its password (encrypted at rest,
 * never read back).
 *
 * @param name what it is for: a connection name, or plugin/paramSet/preset/param
 * @param kind {@code connection} or {@code pluginPreset}
 * @param type {@code BASIC}, {@code OAUTH}, …
 */
public record Credential(String name, String kind, String type, String user, Instant lastUpdate) {}
