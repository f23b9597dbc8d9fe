package dev.roster.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.PaginationConfig;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import dev.roster.domain.NotFound;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.scim.schema.ScimSchemas;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * The discovery endpoints of RFC 7644 §4: what this server supports, its resource types and the
 * schemas it enforces (the same definitions the request reader checks against). Only GET is
 * defined, so any other method is a 405 SCIM error.
 */
@Path("/")
@Singleton
public final class DiscoveryEndpoints {
  private final ScimSettings settings;
  @Context private UriInfo uri;

  @Inject
  public DiscoveryEndpoints(ScimSettings settings) {
    this.settings = settings;
  }

  @GET
  @Path("ServiceProviderConfig")
  public Response serviceProviderConfig() {
    ServiceProviderConfigResource config =
        new ServiceProviderConfigResource(
            uri.getBaseUri().resolve("../../docs").toString(),
            new PatchConfig(true),
            new BulkConfig(true, settings.bulkMaxOperations(), settings.bulkMaxPayloadSize()),
            new FilterConfig(true, settings.maxResults()),
            new ChangePasswordConfig(true),
            new SortConfig(true),
            new ETagConfig(true),
            // RFC 9865 §4: both methods; index unless the request sends a cursor. Cursors are
            // keyset positions that never expire, so no cursorTimeout is advertised.
            new PaginationConfig(
                true, true, "index", settings.maxResults(), settings.maxResults(), null),
            List.of(
                new AuthenticationScheme(
                    "OAuth Bearer Token",
                    "A token from 'roster token create' or ROSTER_BOOTSTRAP_TOKEN, sent as 'Authorization: Bearer <token>'",
                    URI.create("https://www.rfc-editor.org/rfc/rfc6750"),
                    null,
                    "oauthbearertoken",
                    true)));
    config.setMeta(
        meta("ServiceProviderConfig", uri.getBaseUri().resolve("ServiceProviderConfig")));
    return ScimResponses.json(ScimJson.MAPPER.valueToTree(config));
  }

  @GET
  @Path("ResourceTypes")
  public Response resourceTypes() {
    return ScimResponses.list(ScimResourceType.all().stream().map(this::resourceType).toList());
  }

  @GET
  @Path("ResourceTypes/{name}")
  public Response resourceType(@PathParam("name") String name) {
    return ScimResponses.json(
        ScimResourceType.all().stream()
            .filter(type -> type.name().equalsIgnoreCase(name))
            .findFirst()
            .map(this::resourceType)
            .orElseThrow(() -> new NotFound("no resource type named " + name)));
  }

  @GET
  @Path("Schemas")
  public Response schemas() {
    return ScimResponses.list(ScimSchemas.all().stream().map(this::schema).toList());
  }

  @GET
  @Path("Schemas/{id}")
  public Response schema(@PathParam("id") String id) {
    return ScimResponses.json(
        schema(ScimSchemas.byId(id).orElseThrow(() -> new NotFound("no schema with id " + id))));
  }

  private ObjectNode resourceType(ScimResourceType type) {
    ResourceTypeResource resource =
        new ResourceTypeResource(
            type.name(),
            type.name(),
            type.description(),
            URI.create(type.endpoint()),
            URI.create(type.core().getId()),
            type.extensions().stream()
                .map(e -> new ResourceTypeResource.SchemaExtension(URI.create(e.getId()), false))
                .toList());
    resource.setMeta(
        meta("ResourceType", uri.getBaseUri().resolve("ResourceTypes/" + type.name())));
    return ScimJson.MAPPER.valueToTree(resource);
  }

  /** A copy with an absolute location: the shared definitions stay untouched. */
  private ObjectNode schema(SchemaResource schema) {
    ObjectNode node = ScimJson.MAPPER.valueToTree(schema);
    node.set(
        "meta",
        ScimJson.MAPPER.valueToTree(
            meta("Schema", uri.getBaseUri().resolve("Schemas/" + schema.getId()))));
    return node;
  }

  private static Meta meta(String resourceType, URI location) {
    Meta meta = new Meta();
    meta.setResourceType(resourceType);
    meta.setLocation(location);
    return meta;
  }
}
