package dev.roster.sync.plan;

import dev.roster.sync.model.DirectoryUser;
import java.util.UUID;

/** What a run does to one user. */
public sealed interface UserChange {
  /** A new directory entry becomes an LDAP user. */
  record Create(DirectoryUser user) implements UserChange {}

  /** Mapped attributes changed (a renamed or moved entry is an update: its anchor stayed). */
  record Update(UUID id, DirectoryUser user, java.util.List<String> fields) implements UserChange {}

  /** The entry is gone (or disabled in the directory): the user is disabled, not deleted. */
  record Disable(UUID id, String userName, boolean becauseLeft) implements UserChange {}

  /** The entry is back (or enabled again in the directory). */
  record Enable(UUID id, String userName) implements UserChange {}

  /** The entry is gone and the source's deletion policy is {@code delete}. */
  record Delete(UUID id, String userName) implements UserChange {}

  /** A local user with the entry's userName becomes this source's LDAP user (policy adopt). */
  record Adopt(UUID id, DirectoryUser user) implements UserChange {}
}
