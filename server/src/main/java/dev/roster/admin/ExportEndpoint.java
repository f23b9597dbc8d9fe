package dev.roster.admin;

import dev.roster.export.UserCsvExport;
import dev.roster.scim.RequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /admin/export/users.csv?delimiter=;&filter=…}: the tenant's users as CSV, streamed
 * (see {@link UserCsvExport}). Needs an {@code admin} token. A bad delimiter or filter is a SCIM
 * error before any CSV is written.
 */
@Path("/export")
public final class ExportEndpoint {
  /** RFC 4180 §3 registers the optional {@code header} parameter; this export always has one. */
  static final String CSV = "text/csv; charset=UTF-8; header=present";

  private final UserCsvExport export;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @Inject
  public ExportEndpoint(UserCsvExport export) {
    this.export = export;
  }

  @GET
  @Path("users.csv")
  public Response users(
      @QueryParam("delimiter") String delimiter, @QueryParam("filter") String filter) {
    UserCsvExport.Prepared prepared =
        export.prepare(RequestContext.of(security, uri).tenantId(), filter, delimiter);
    StreamingOutput body =
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          prepared.writeTo(writer);
          writer.flush();
        };
    return Response.ok(body, CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"users.csv\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
