package dev.roster.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import dev.roster.domain.InvalidCursor;
import dev.roster.store.Keyset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Cursor values of RFC 9865 paging. A cursor is a keyset position (the sort value and id of the row
 * a page ends or starts at), the resource type it walks, and a fingerprint of the search (filter,
 * sort) it belongs to, as base64url JSON: only unreserved characters, as RFC 9865 §2 asks.
 * Positions stay meaningful however long a client waits, so cursors do not expire; one handed to a
 * different search is refused ({@code invalidCursor}). A client that forges one only chooses where
 * its own walk starts.
 */
final class Cursors {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_LENGTH = 16_384;

  /**
   * Where a page starts.
   *
   * @param type the resource type the position is in
   * @param keyset the row to start after (or before, {@code backward}); null for the start of
   *     {@code type}
   */
  record Position(String type, Keyset keyset, boolean backward) {}

  private Cursors() {}

  /** What a cursor must have been issued for: the same scope, filter and sort. */
  static String fingerprint(String scope, Filter filter, String sortBy, boolean descending) {
    String search =
        scope
            + "\n"
            + (filter == null ? "" : filter.toString())
            + "\n"
            + (sortBy == null ? "" : sortBy.strip().toLowerCase(Locale.ROOT))
            + "\n"
            + descending;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(search.getBytes(StandardCharsets.UTF_8));
      return ENCODER.encodeToString(Arrays.copyOf(digest, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static String encode(String fingerprint, Position position) {
    ObjectNode json = ScimJson.MAPPER.createObjectNode();
    json.put("q", fingerprint);
    json.put("t", position.type());
    if (position.backward()) {
      json.put("b", true);
    }
    Keyset keyset = position.keyset();
    if (keyset != null) {
      json.put("i", keyset.id().toString());
      if (keyset.sortValue() != null) {
        json.put("k", keyset.sortValue());
      }
    }
    try {
      return ENCODER.encodeToString(ScimJson.MAPPER.writeValueAsBytes(json));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a cursor", e);
    }
  }

  /** The position a cursor names, if it was issued for a search with this fingerprint. */
  static Position decode(String cursor, String fingerprint) {
    JsonNode json;
    try {
      if (cursor.length() > MAX_LENGTH) {
        throw malformed();
      }
      json = ScimJson.MAPPER.readTree(DECODER.decode(cursor));
    } catch (IllegalArgumentException | IOException e) {
      throw malformed();
    }
    if (json == null || !json.isObject() || !json.path("t").isTextual()) {
      throw malformed();
    }
    if (!fingerprint.equals(json.path("q").asText())) {
      throw new InvalidCursor(
          "the cursor belongs to a search with another filter, sortBy or sortOrder; send the same"
              + " search parameters as for the first page, or start again with an empty cursor");
    }
    Keyset keyset = null;
    if (json.has("i")) {
      try {
        UUID id = UUID.fromString(json.path("i").asText());
        JsonNode key = json.get("k");
        keyset = new Keyset(key == null || key.isNull() ? null : key.asText(), id);
      } catch (IllegalArgumentException e) {
        throw malformed();
      }
    }
    return new Position(json.path("t").asText(), keyset, json.path("b").asBoolean(false));
  }

  private static InvalidCursor malformed() {
    return new InvalidCursor(
        "the cursor is not one this server issued; use a nextCursor or previousCursor value as"
            + " returned, or an empty cursor for the first page");
  }
}
