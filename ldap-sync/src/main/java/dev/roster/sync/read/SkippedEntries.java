package dev.roster.sync.read;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries a read passed over because they lack what the sync keys on (an anchor, a userName, a
 * group name). Counted, and reported in one WARN line per read naming the first few DNs, so that a
 * directory full of such entries does not flood the log.
 */
final class SkippedEntries {
  private static final Logger log = LoggerFactory.getLogger(SkippedEntries.class);
  static final int EXAMPLES = 5;

  private final List<String> examples = new ArrayList<>();
  private int count;

  void add(String dn, String reason) {
    count++;
    if (examples.size() < EXAMPLES) {
      examples.add(dn + " (" + reason + ")");
    }
    log.debug("ldap entry skipped dn=\"{}\" reason=\"{}\"", dn, reason);
  }

  int count() {
    return count;
  }

  void report(String source) {
    if (count > 0) {
      log.warn("ldap entries skipped source={} count={} first={}", source, count, examples);
    }
  }
}
