package dev.roster.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A status and a body as text. */
record Reply(int status, String body) {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern TOTAL = Pattern.compile("\"totalResults\"\\s*:\\s*(\\d+)");

  boolean is(int expected) {
    return status == expected;
  }

  /**
   * The first {@code "id"} of the body: a resource's own, since {@code schemas} comes first and
   * holds none. Read with a pattern rather than a JSON tree: the load generator shares the CPU with
   * the server, and a tree of a page of users would cost it more than the server's answer does.
   */
  String id() {
    Matcher m = ID.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no id in " + abbreviated());
    }
    return m.group(1);
  }

  /** RFC 9865 §2.2: absent on the last page. */
  Optional<String> nextCursor() {
    Matcher m = NEXT_CURSOR.matcher(body);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  long totalResults() {
    Matcher m = TOTAL.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no totalResults in " + abbreviated());
    }
    return Long.parseLong(m.group(1));
  }

  String abbreviated() {
    return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
  }
}
