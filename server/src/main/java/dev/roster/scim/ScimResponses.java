package dev.roster.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * The HTTP side of SCIM responses, in one place: {@code application/scim+json}, and on every
 * single-resource response an {@code ETag} equal to {@code meta.version} and a {@code
 * Content-Location} (plus {@code Location} on 201), RFC 7644 §3.1 and §3.14.
 */
public final class ScimResponses {
  private ScimResponses() {}

  public static Response created(Rendered rendered) {
    return single(Response.status(Response.Status.CREATED), rendered)
        .location(rendered.location())
        .build();
  }

  public static Response ok(Rendered rendered) {
    return single(Response.ok(), rendered).build();
  }

  /** RFC 7232 §4.1: 304 carries the ETag and Content-Location, no body. */
  public static Response notModified(Rendered rendered) {
    return Response.notModified(new EntityTag(String.valueOf(rendered.version()), true))
        .header(HttpHeaders.CONTENT_LOCATION, rendered.location())
        .build();
  }

  public static Response noContent() {
    return Response.noContent().build();
  }

  /** A write answered without its resource: the new ETag and where the resource is. */
  public static Response noContent(java.net.URI location, long version) {
    return Response.noContent()
        .tag(new EntityTag(String.valueOf(version), true))
        .header(HttpHeaders.CONTENT_LOCATION, location)
        .build();
  }

  /** A ListResponse (RFC 7644 §3.4.2). */
  public static Response list(ListResponse<ObjectNode> list) {
    return Response.ok(ScimJson.write(list), ScimJson.MEDIA_TYPE).build();
  }

  /** A ListResponse over a small, fixed list (the discovery endpoints). */
  public static Response list(List<ObjectNode> items) {
    return list(new ListResponse<>(items.size(), items, 1, items.size()));
  }

  public static Response json(Object body) {
    return Response.ok(entity(body), ScimJson.MEDIA_TYPE).build();
  }

  /** A body that streams itself (a large group) as it is; any other written to bytes here. */
  private static Object entity(Object body) {
    return body instanceof StreamingOutput streamed ? streamed : ScimJson.write(body);
  }

  private static Response.ResponseBuilder single(
      Response.ResponseBuilder builder, Rendered rendered) {
    return builder
        .entity(entity(rendered.body()))
        .type(ScimJson.MEDIA_TYPE)
        .tag(new EntityTag(String.valueOf(rendered.version()), true))
        .header(HttpHeaders.CONTENT_LOCATION, rendered.location());
  }
}
