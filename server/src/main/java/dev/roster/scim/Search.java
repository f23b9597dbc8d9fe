package dev.roster.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.store.Keyset;
import dev.roster.store.Page;
import dev.roster.store.SearchQuery;

/**
 * A search of one resource type, parsed and checked: what to ask the store, what to show of each
 * resource, and the fingerprint its cursors carry.
 */
record Search(ScimResourceType type, SearchQuery query, Projection projection, String fingerprint) {

  /** The ListResponse (RFC 7644 §3.4.2, RFC 9865 §2) for a page of rendered resources. */
  ListResponse<ObjectNode> response(Page<ObjectNode> page) {
    return new ListResponse<>(
        (int) Math.min(Integer.MAX_VALUE, page.totalResults()),
        page.startIndex(),
        page.items().size(),
        cursor(page.previous(), true),
        cursor(page.next(), false),
        page.items());
  }

  private String cursor(Keyset keyset, boolean backward) {
    return keyset == null
        ? null
        : Cursors.encode(fingerprint, new Cursors.Position(type.name(), keyset, backward));
  }
}
