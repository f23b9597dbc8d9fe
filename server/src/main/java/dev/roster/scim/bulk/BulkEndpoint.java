package dev.roster.scim.bulk;

import com.unboundid.scim2.common.exceptions.ContentTooLargeException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.roster.scim.GroupResources;
import dev.roster.scim.RequestContext;
import dev.roster.scim.ScimJson;
import dev.roster.scim.ScimResponses;
import dev.roster.scim.ScimSettings;
import dev.roster.scim.UserResources;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7): many writes in one request, each applied on its own. A body
 * over {@code bulk.maxPayloadSize} bytes or with more than {@code bulk.maxOperations} operations is
 * a 413 that names the limit (§3.7.4); otherwise the answer is 200 with one result per operation
 * that ran.
 */
@Path("/Bulk")
@Singleton
public final class BulkEndpoint {
  private final UserResources users;
  private final GroupResources groups;
  private final ScimSettings settings;

  @Inject
  public BulkEndpoint(UserResources users, GroupResources groups, ScimSettings settings) {
    this.users = users;
    this.groups = groups;
    this.settings = settings;
  }

  @POST
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  public Response bulk(@Context RequestContext ctx, byte[] body) throws ScimException {
    if (body != null && body.length > settings.bulkMaxPayloadSize()) {
      throw new ContentTooLargeException(
          "the bulk request is "
              + body.length
              + " bytes; this server accepts at most "
              + settings.bulkMaxPayloadSize()
              + " (bulk.maxPayloadSize in /ServiceProviderConfig)");
    }
    BulkJob job = BulkReader.read(ScimJson.parse(body), settings.bulkMaxOperations());
    return ScimResponses.json(
        ScimJson.MAPPER.valueToTree(new BulkRunner(users, groups).run(ctx, job)));
  }
}
