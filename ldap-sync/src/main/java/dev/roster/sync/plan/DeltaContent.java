package dev.roster.sync.plan;

import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryDelta;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.StoredUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The directory as an incremental run takes it to be, since it read only what changed: the changed
 * users; the store's users that neither changed, nor were named as deleted, nor had left before, as
 * they were last read (anchor, DN, userName); and the groups as read, in full. What {@link
 * Planner#planIncremental} resolves memberships against and what the safety check sees. Pure.
 */
public final class DeltaContent {
  private DeltaContent() {}

  public static DirectoryContent assumed(DirectoryDelta delta, StoreView store) {
    List<DirectoryUser> users = new ArrayList<>(delta.changedUsers());
    Set<String> changed = new HashSet<>();
    delta.changedUsers().forEach(user -> changed.add(user.anchor()));
    Set<String> deleted = new HashSet<>();
    delta.deletedUserAnchors().forEach(anchor -> deleted.add(lower(anchor)));
    List<StoredUser> stored = new ArrayList<>(store.usersByAnchor().values());
    stored.sort(Comparator.comparing(StoredUser::anchor));
    for (StoredUser user : stored) {
      if (!changed.contains(user.anchor())
          && !deleted.contains(lower(user.anchor()))
          && !user.disabledBecauseLeft()) {
        users.add(asRead(user));
      }
    }
    return new DirectoryContent(users, delta.groups(), Map.of(), delta.skippedEntries());
  }

  private static DirectoryUser asRead(StoredUser user) {
    return new DirectoryUser(
        user.anchor(),
        user.dn(),
        user.userName(),
        user.givenName(),
        user.familyName(),
        user.displayName(),
        user.email(),
        user.active());
  }

  private static String lower(String anchor) {
    return anchor == null ? "" : anchor.toLowerCase(Locale.ROOT);
  }
}
