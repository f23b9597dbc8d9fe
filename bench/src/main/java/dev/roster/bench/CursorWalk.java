package dev.roster.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A walk of all users by cursor (RFC 9865): {@code cursor=} first, then each page's {@code
 * nextCursor} until a page has none; each connection walks on its own and starts over at the end.
 * One operation is one page of {@code count}.
 */
record CursorWalk(int count) implements Scenario {
  @Override
  public String name() {
    return "cursor walk, page of " + count;
  }

  @Override
  public Step step(int worker) {
    return new Step() {
      private String cursor = "";

      @Override
      public Outcome perform(Http http) {
        String target = page(cursor, count);
        Reply reply = http.get(target);
        if (!reply.is(200)) {
          return Outcome.failed("GET " + target, reply);
        }
        cursor = reply.nextCursor().orElse("");
        return Outcome.OK;
      }
    };
  }

  static String page(String cursor, int count) {
    return "/scim/v2/Users?count="
        + count
        + "&cursor="
        + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }

  /** How long one walk over every user took on one connection. */
  record Walk(long pages, double seconds) {}

  /** Walks every user once on one connection. */
  static Walk walkAll(Http http, int count) {
    long start = System.nanoTime();
    long pages = 0;
    Optional<String> cursor = Optional.of("");
    while (cursor.isPresent()) {
      Reply reply = http.get(page(cursor.get(), count));
      if (!reply.is(200)) {
        throw new IllegalStateException("cursor walk: " + reply.abbreviated());
      }
      pages++;
      cursor = reply.nextCursor();
    }
    return new Walk(pages, (System.nanoTime() - start) / 1e9);
  }
}
