package dev.roster.sync.read;

import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryUser;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a streamed read goes: the groups first, all of them, then the users a page at a time, so
 * that the reader never holds more than one page of users.
 */
public interface ReadSink {
  void groups(List<DirectoryGroup> groups);

  /**
   * A page of users (no anchor twice in one page). Answers the anchors among them that an earlier
   * page had already: the read then fails with {@code duplicateAnchor}.
   *
   * @param memberOf for {@code memberOf} sources, the group DNs each user names, by anchor
   */
  Set<String> users(List<DirectoryUser> page, Map<String, Set<String>> memberOf);
}
