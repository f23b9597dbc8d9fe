package dev.roster.scim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;
import dev.roster.scim.map.GroupMapper;
import dev.roster.scim.map.ScimUrls;
import dev.roster.scim.schema.ScimSchemas;
import dev.roster.store.GroupStore;
import dev.roster.store.Transactions;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Groups written as JSON with their members streamed from the database while the response is sent:
 * a group of 100,000 members costs a database cursor and a write buffer, not a list of 100,000
 * objects. When the projection leaves {@code members} out, they are not read at all.
 */
final class GroupJson {
  private final Transactions tx;
  private final GroupStore groups;
  private final UUID tenantId;
  private final ScimUrls urls;
  private final Projection projection;

  GroupJson(
      Transactions tx, GroupStore groups, UUID tenantId, ScimUrls urls, Projection projection) {
    this.tx = tx;
    this.groups = groups;
    this.tenantId = tenantId;
    this.urls = urls;
    this.projection = projection;
  }

  /** One group: {@code head} is the group without members, already projected. */
  StreamingOutput one(ObjectNode head) {
    return out -> write(out, generator -> group(generator, head));
  }

  /** A ListResponse of groups whose resources are heads without members. */
  StreamingOutput list(ListResponse<ObjectNode> page) {
    ObjectNode envelope = ScimJson.MAPPER.valueToTree(page);
    return out ->
        write(
            out,
            generator -> {
              generator.writeStartObject();
              for (Iterator<Map.Entry<String, JsonNode>> fields = envelope.fields();
                  fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                generator.writeFieldName(field.getKey());
                if (field.getKey().equals("Resources")) {
                  generator.writeStartArray();
                  for (JsonNode head : field.getValue()) {
                    group(generator, (ObjectNode) head);
                  }
                  generator.writeEndArray();
                } else {
                  generator.writeTree(field.getValue());
                }
              }
              generator.writeEndObject();
            });
  }

  /**
   * The head's fields, with the members written after the core attributes, before extensions and
   * {@code meta}, as RFC 7643 shows them.
   */
  private void group(JsonGenerator generator, ObjectNode head) throws IOException {
    // A search at the root lists users too: only groups have members to stream.
    boolean members = projection.includes("members") && isGroup(head);
    generator.writeStartObject();
    for (Iterator<Map.Entry<String, JsonNode>> fields = head.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (members && (field.getKey().equals("meta") || field.getKey().startsWith("urn:"))) {
        members(generator, UUID.fromString(head.get("id").asText()));
        members = false;
      }
      generator.writeFieldName(field.getKey());
      generator.writeTree(field.getValue());
    }
    if (members) {
      members(generator, UUID.fromString(head.get("id").asText()));
    }
    generator.writeEndObject();
  }

  private static boolean isGroup(ObjectNode resource) {
    for (JsonNode schema : resource.path("schemas")) {
      if (schema.asText().equals(ScimSchemas.GROUP_URN)) {
        return true;
      }
    }
    return false;
  }

  /** {@code "members": […]}, or nothing for a group without members. */
  private void members(JsonGenerator generator, UUID groupId) {
    boolean[] started = {false};
    tx.run(
        () ->
            groups.forEachMember(
                tenantId,
                groupId,
                member -> {
                  try {
                    if (!started[0]) {
                      generator.writeArrayFieldStart("members");
                      started[0] = true;
                    }
                    ObjectNode element =
                        projection.applyToElement("members", GroupMapper.member(member, urls));
                    if (!element.isEmpty()) {
                      generator.writeTree(element);
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
    if (started[0]) {
      try {
        generator.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private interface Body {
    void write(JsonGenerator generator) throws IOException;
  }

  private static void write(OutputStream out, Body body) throws IOException {
    try (JsonGenerator generator = ScimJson.MAPPER.createGenerator(out)) {
      // The container owns the stream: it closes it once the response is complete.
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      body.write(generator);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
