package dev.roster.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The baseline's one resource: every GET below its servlet gets the same bytes, as SCIM JSON. */
@Path("{any: .*}")
public final class FixedBodyEndpoint {
  /** Set once before the server starts. */
  static volatile byte[] body = new byte[0];

  @GET
  public Response get() {
    return Response.ok(body, Http.SCIM_JSON).build();
  }
}
