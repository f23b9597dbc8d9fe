package dev.roster.sync.plan;

import dev.roster.sync.model.DirectoryGroup;
import java.util.UUID;

/** What a run does to one mirrored group. */
public sealed interface GroupChange {
  record Create(DirectoryGroup group) implements GroupChange {}

  record Rename(UUID id, DirectoryGroup group) implements GroupChange {}

  record Delete(UUID id, String displayName) implements GroupChange {}
}
