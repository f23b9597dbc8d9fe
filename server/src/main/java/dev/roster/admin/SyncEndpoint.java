package dev.roster.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.directory.DirectorySync;
import dev.roster.domain.Invalid;
import dev.roster.domain.NotFound;
import dev.roster.domain.SyncRun;
import dev.roster.scim.RequestContext;
import dev.roster.store.Page;
import dev.roster.sync.SyncMode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code /admin/sync}: the record of sync runs, and triggers. Needs an {@code admin} token.
 *
 * <pre>
 * GET  /admin/sync/runs?startIndex=1&count=50     newest first
 * GET  /admin/sync/runs/{id}                      with the plan of a dry run or a blocked run
 * POST /admin/sync/{source}/run?mode=full|incremental|dry-run
 * POST /admin/sync/runs/{id}/approve              apply a blocked plan, if the directory still agrees
 * </pre>
 */
@Path("/sync")
public final class SyncEndpoint {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final DirectorySync sync;

  @Inject
  public SyncEndpoint(DirectorySync sync) {
    this.sync = sync;
  }

  @GET
  @Path("runs")
  public Response runs(
      @QueryParam("startIndex") @DefaultValue("1") String startIndex,
      @QueryParam("count") @DefaultValue("50") String count) {
    Page<SyncRun> page =
        sync.list(
            Math.max(1, number("startIndex", startIndex)),
            Math.max(0, Math.min(number("count", count), 500)));
    ObjectNode body = NODES.objectNode();
    body.put("totalResults", page.totalResults());
    body.put("startIndex", page.startIndex());
    ArrayNode items = body.putArray("runs");
    page.items().forEach(run -> items.add(json(run)));
    return ok(body);
  }

  @GET
  @Path("runs/{id}")
  public Response run(@PathParam("id") String id) {
    UUID runId = RequestContext.id(id).orElseThrow(() -> new NotFound("no sync run with id " + id));
    SyncRun run = sync.find(runId).orElseThrow(() -> new NotFound("no sync run with id " + id));
    ObjectNode body = json(run);
    ArrayNode plan = body.putArray("plan");
    sync.planLines(runId).forEach(plan::add);
    return ok(body);
  }

  @POST
  @Path("{source}/run")
  public Response trigger(
      @PathParam("source") String source, @QueryParam("mode") @DefaultValue("full") String mode) {
    return ok(json(sync.run(source, mode(mode))));
  }

  @POST
  @Path("runs/{id}/approve")
  public Response approve(@PathParam("id") String id) {
    UUID runId = RequestContext.id(id).orElseThrow(() -> new NotFound("no sync run with id " + id));
    return ok(json(sync.approve(runId)));
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new Invalid(name, "must be a whole number, got '" + value + "'");
    }
  }

  static SyncMode mode(String mode) {
    return switch (mode) {
      case "full" -> SyncMode.FULL;
      case "incremental" -> SyncMode.INCREMENTAL;
      case "dry-run" -> SyncMode.DRY_RUN;
      default ->
          throw new Invalid("mode", "must be full, incremental or dry-run, got '" + mode + "'");
    };
  }

  static ObjectNode json(SyncRun run) {
    ObjectNode node = NODES.objectNode();
    node.put("id", run.id().toString());
    node.put("source", run.source());
    node.put("mode", run.mode());
    node.put("status", run.status());
    node.put("started", run.started().toString());
    node.put("finished", run.finished() == null ? null : run.finished().toString());
    ObjectNode counts = node.putObject("counts");
    run.counts().forEach(counts::put);
    ArrayNode reasons = node.putArray("reasons");
    run.reasons().forEach(reasons::add);
    if (run.error() != null) {
      node.put("error", run.error());
    }
    return node;
  }

  private static Response ok(ObjectNode body) {
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
