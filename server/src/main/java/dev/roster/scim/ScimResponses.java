package dev.roster.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.map.MetaMapper;
import dev.roster.store.Page;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The HTTP side of SCIM responses, in one place: {@code application/scim+json}, and on every
 * single-resource response an {@code ETag} equal to {@code meta.version} and a {@code
 * Content-Location} (plus {@code Location} on 201), RFC 7644 §3.1 and §3.14.
 */
public final class ScimResponses {
  static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private ScimResponses() {}

  public static Response created(Rendered rendered) {
    URI location = location(rendered.resource());
    return single(Response.status(Response.Status.CREATED), rendered.resource(), rendered.version())
        .location(location)
        .build();
  }

  public static Response ok(Rendered rendered) {
    return single(Response.ok(), rendered.resource(), rendered.version()).build();
  }

  /** RFC 7232 §4.1: 304 carries the ETag and Content-Location, no body. */
  public static Response notModified(Rendered rendered) {
    return Response.notModified(new EntityTag(String.valueOf(rendered.version()), true))
        .header(HttpHeaders.CONTENT_LOCATION, location(rendered.resource()))
        .build();
  }

  public static Response noContent() {
    return Response.noContent().build();
  }

  public static Response list(Page<ObjectNode> page) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(LIST_RESPONSE);
    body.put("totalResults", page.totalResults());
    body.put("itemsPerPage", page.items().size());
    body.put("startIndex", page.startIndex());
    ArrayNode resources = body.putArray("Resources");
    page.items().forEach(resources::add);
    return Response.ok(body, ScimJson.MEDIA_TYPE).build();
  }

  /** A ListResponse over a small, fixed list (the discovery endpoints). */
  public static Response list(List<ObjectNode> items) {
    return list(new Page<>(items, items.size(), 1));
  }

  public static Response json(ObjectNode body) {
    return Response.ok(body, ScimJson.MEDIA_TYPE).build();
  }

  private static Response.ResponseBuilder single(
      Response.ResponseBuilder builder, ObjectNode resource, long version) {
    return builder
        .entity(resource)
        .type(ScimJson.MEDIA_TYPE)
        .tag(new EntityTag(String.valueOf(version), true))
        .header(HttpHeaders.CONTENT_LOCATION, location(resource));
  }

  private static URI location(ObjectNode resource) {
    return URI.create(resource.path("meta").path("location").asText());
  }

  /** The ETag header value for a version; equals {@code meta.version}. */
  public static String etag(long version) {
    return MetaMapper.etag(version);
  }
}
