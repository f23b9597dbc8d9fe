package dev.roster.scim.map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.domain.Meta;

/** {@code meta} (RFC 7643 §3.1) and the weak ETag that equals {@code meta.version}. */
public final class MetaMapper {
  private MetaMapper() {}

  public static String etag(long version) {
    return "W/\"" + version + "\"";
  }

  static void write(ObjectNode resource, String resourceType, Meta meta, String location) {
    ObjectNode node = resource.putObject("meta");
    node.put("resourceType", resourceType);
    node.put("created", meta.created().toString());
    node.put("lastModified", meta.lastModified().toString());
    node.put("location", location);
    node.put("version", etag(meta.version()));
  }
}
