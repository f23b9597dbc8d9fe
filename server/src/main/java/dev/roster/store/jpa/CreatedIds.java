package dev.roster.store.jpa;

import java.util.Map;
import java.util.UUID;

/**
 * The users and groups one sync run has created, by anchor, as {@link KeyDigests} (64 to 128 bytes
 * an entry: the table doubles at half full). The plan names what it creates by anchor (the ids are
 * made as it is applied), and a first run's hundreds of thousands of memberships name each new user
 * several times, in batches of their own: without this each batch asked the database for the ids of
 * its anchors again.
 *
 * <p>A batch's creates go in once it was written without error ({@link JpaSyncStore#apply}); a
 * batch that fails ends its run (the Applier stops), and the next run opens a new workspace and
 * starts from an empty set. So an id found here names a row this run wrote and, past that batch,
 * committed, unless someone deleted it since, which the membership's foreign key then refuses.
 *
 * <p>It belongs to the thread that made it, the run's: {@link #ownedByCurrentThread()}.
 */
final class CreatedIds {
  private final Thread owner = Thread.currentThread();

  // Made at the first create: a batch applied outside a run (a user provisioned at sign-in) gets a
  // set of its own, which then costs no tables, no digest and no salt.
  private KeyDigests users;
  private KeyDigests groups;

  boolean ownedByCurrentThread() {
    return Thread.currentThread() == owner;
  }

  UUID user(String anchor) {
    return users == null ? null : users.get(anchor);
  }

  UUID group(String anchor) {
    return groups == null ? null : groups.get(anchor);
  }

  void add(Map<String, UUID> createdUsers, Map<String, UUID> createdGroups) {
    if (!createdUsers.isEmpty() && users == null) {
      users = KeyDigests.withIds();
    }
    if (!createdGroups.isEmpty() && groups == null) {
      groups = KeyDigests.withIds();
    }
    createdUsers.forEach((anchor, id) -> users.put(anchor, id));
    createdGroups.forEach((anchor, id) -> groups.put(anchor, id));
  }
}
