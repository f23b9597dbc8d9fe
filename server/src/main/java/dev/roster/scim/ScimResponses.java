package dev.roster.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;
import dev.roster.scim.map.MetaMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * The HTTP side of SCIM responses, in one place: {@code application/scim+json}, and on every
 * single-resource response an {@code ETag} equal to {@code meta.version} and a {@code
 * Content-Location} (plus {@code Location} on 201), RFC 7644 §3.1 and §3.14.
 */
public final class ScimResponses {
  /**
   * Headers go to Jersey as the objects it would otherwise parse or format again on every response:
   * a {@code MediaType}, and the ETag and locations as text (Jersey formats an {@code EntityTag} or
   * a {@code URI} through a header delegate it looks up each time).
   */
  private static final MediaType SCIM = MediaType.valueOf(ScimJson.MEDIA_TYPE);

  private ScimResponses() {}

  public static Response created(Rendered rendered) {
    return single(Response.status(Response.Status.CREATED), rendered)
        .header(HttpHeaders.LOCATION, rendered.location())
        .build();
  }

  public static Response ok(Rendered rendered) {
    return single(Response.ok(), rendered).build();
  }

  /** RFC 7232 §4.1: 304 carries the ETag and Content-Location, no body. */
  public static Response notModified(Rendered rendered) {
    return Response.notModified()
        .header(HttpHeaders.ETAG, MetaMapper.etag(rendered.version()))
        .header(HttpHeaders.CONTENT_LOCATION, rendered.location())
        .build();
  }

  public static Response noContent() {
    return Response.noContent().build();
  }

  /** A write answered without its resource: the new ETag and where the resource is. */
  public static Response noContent(String location, long version) {
    return Response.noContent()
        .header(HttpHeaders.ETAG, MetaMapper.etag(version))
        .header(HttpHeaders.CONTENT_LOCATION, location)
        .build();
  }

  /** A ListResponse (RFC 7644 §3.4.2). */
  public static Response list(ListResponse<ObjectNode> list) {
    return Response.ok(ScimJson.write(list), SCIM).build();
  }

  /** A ListResponse over a small, fixed list (the discovery endpoints). */
  public static Response list(List<ObjectNode> items) {
    return list(new ListResponse<>(items.size(), items, 1, items.size()));
  }

  public static Response json(Object body) {
    return Response.ok(entity(body), SCIM).build();
  }

  /** A body that streams itself (a large group) as it is; any other written to bytes here. */
  private static Object entity(Object body) {
    return body instanceof StreamingOutput streamed ? streamed : ScimJson.write(body);
  }

  private static Response.ResponseBuilder single(
      Response.ResponseBuilder builder, Rendered rendered) {
    return builder
        .entity(entity(rendered.body()))
        .type(SCIM)
        .header(HttpHeaders.ETAG, MetaMapper.etag(rendered.version()))
        .header(HttpHeaders.CONTENT_LOCATION, rendered.location());
  }
}
