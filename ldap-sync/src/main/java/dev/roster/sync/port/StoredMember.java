package dev.roster.sync.port;

import java.util.UUID;

/**
 * What resolving a group's members needs of a stored user: its id, its anchor, and whether it has
 * left the directory (then no group names it any more). Lighter than {@link StoredUser}: an
 * incremental run looks up every member of every group this way.
 */
public record StoredMember(UUID id, String anchor, boolean disabledBecauseLeft) {}
