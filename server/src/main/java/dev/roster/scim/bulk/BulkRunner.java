package dev.roster.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.bulk.BulkOpType;
import com.unboundid.scim2.common.bulk.BulkOperationResult;
import com.unboundid.scim2.common.bulk.BulkResponse;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import dev.roster.domain.IfMatch;
import dev.roster.domain.NotFound;
import dev.roster.scim.ETags;
import dev.roster.scim.GroupResources;
import dev.roster.scim.Projection;
import dev.roster.scim.Rendered;
import dev.roster.scim.RequestContext;
import dev.roster.scim.ScimExceptionMapper;
import dev.roster.scim.ScimJson;
import dev.roster.scim.UserResources;
import dev.roster.scim.map.MetaMapper;
import dev.roster.scim.schema.ScimResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the operations of a bulk request in order (RFC 7644 §3.7), each in its own transaction,
 * exactly as the single request would run, and reports each one's status, location and version. A
 * resource created with a {@code bulkId} can be named as {@code "bulkId:<id>"} by the operations
 * after it, in their data or path; naming one that failed or comes later fails with 409. Once
 * {@code failOnErrors} operations have failed, the rest are not run.
 */
final class BulkRunner {
  /** A result carries the resource as a GET with no projection shows it. */
  private static final Projection ALL_OF_A_USER = Projection.all(ScimResourceType.USER);

  private static final String BULK_PREFIX = "bulkId:";

  private final UserResources users;
  private final GroupResources groups;

  BulkRunner(UserResources users, GroupResources groups) {
    this.users = users;
    this.groups = groups;
  }

  BulkResponse run(RequestContext ctx, BulkJob job) {
    Map<String, String> created = new HashMap<>();
    List<BulkOperationResult> results = new ArrayList<>();
    int errors = 0;
    for (BulkEntry entry : job.entries()) {
      if (errors >= job.failOnErrors()) {
        break;
      }
      BulkOperationResult result = run(ctx, entry, created);
      if (!result.isSuccess()) {
        errors++;
      }
      results.add(result);
    }
    return new BulkResponse(results);
  }

  private BulkOperationResult run(
      RequestContext ctx, BulkEntry entry, Map<String, String> created) {
    String location = null;
    try {
      if (entry.invalid() != null) {
        throw entry.invalid();
      }
      Target target = Target.of(entry, created);
      location = target.location(ctx);
      ObjectNode data = entry.data() == null ? null : resolve(entry, entry.data(), created);
      Rendered rendered = execute(ctx, entry, target, data);
      if (rendered == null) {
        return new BulkOperationResult(entry.method(), "204", location, null, null, null);
      }
      ObjectNode resource = (ObjectNode) rendered.body();
      UUID id = UUID.fromString(resource.path("id").asText());
      if (entry.bulkId() != null) {
        created.put(entry.bulkId(), id.toString());
      }
      return new BulkOperationResult(
          entry.method(),
          entry.method() == BulkOpType.POST ? "201" : "200",
          target.users() ? ctx.urls().user(id) : ctx.urls().group(id),
          resource,
          entry.method() == BulkOpType.POST ? entry.bulkId() : null,
          MetaMapper.etag(rendered.version()));
    } catch (Exception e) {
      ErrorResponse error = ScimExceptionMapper.error(e);
      boolean post = entry.method() == BulkOpType.POST;
      return new BulkOperationResult(
          entry.method(),
          String.valueOf(error.getStatus()),
          post ? null : location == null ? entry.path() : location,
          ScimJson.MAPPER.valueToTree(error),
          post ? entry.bulkId() : null,
          null);
    }
  }

  private Rendered execute(RequestContext ctx, BulkEntry entry, Target target, ObjectNode data)
      throws ScimException {
    IfMatch ifMatch = ETags.ifMatch(entry.version());
    boolean user = target.users();
    return switch (entry.method()) {
      case POST -> user ? users.create(ctx, data, ALL_OF_A_USER) : groups.create(ctx, data);
      case PUT ->
          user
              ? users.replace(ctx, target.id(), data, ifMatch, ALL_OF_A_USER)
              : groups.replace(ctx, target.id(), data, ifMatch);
      case PATCH ->
          user
              ? users.patch(ctx, target.id(), data, ifMatch, ALL_OF_A_USER)
              : groups.patch(ctx, target.id(), data, ifMatch);
      case DELETE -> {
        if (user) {
          users.delete(ctx, target.id(), ifMatch);
        } else {
          groups.delete(ctx, target.id(), ifMatch);
        }
        yield null;
      }
    };
  }

  /**
   * The data with every {@code "bulkId:<id>"} value replaced by the id of the resource created
   * under that bulkId. Only whole values are references, so {@code bulkId:u1} never rewrites part
   * of {@code bulkId:u10}.
   */
  private static ObjectNode resolve(BulkEntry entry, ObjectNode data, Map<String, String> created)
      throws ResourceConflictException {
    ObjectNode copy = data.deepCopy();
    replace(entry, copy, created);
    return copy;
  }

  private static void replace(BulkEntry entry, JsonNode node, Map<String, String> created)
      throws ResourceConflictException {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual()) {
          object.set(name, reference(entry, value.textValue(), created));
        } else {
          replace(entry, value, created);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, reference(entry, array.get(i).textValue(), created));
        } else {
          replace(entry, array.get(i), created);
        }
      }
    }
  }

  private static JsonNode reference(BulkEntry entry, String text, Map<String, String> created)
      throws ResourceConflictException {
    if (!text.startsWith(BULK_PREFIX)) {
      return TextNode.valueOf(text);
    }
    return TextNode.valueOf(created(entry, text.substring(BULK_PREFIX.length()), created));
  }

  static String created(BulkEntry entry, String bulkId, Map<String, String> created)
      throws ResourceConflictException {
    String id = created.get(bulkId);
    if (id == null) {
      throw new ResourceConflictException(
          entry.label()
              + " refers to bulkId:"
              + bulkId
              + ", which names no resource created before it in this request (that operation"
              + " failed, comes later, or does not exist)");
    }
    return id;
  }

  /** What an operation's path names: a resource type and, except for POST, one resource. */
  private record Target(boolean users, UUID id, String path) {
    static Target of(BulkEntry entry, Map<String, String> created) throws ScimException {
      String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
      String[] parts = path.split("/", -1);
      boolean users = parts[0].equalsIgnoreCase("Users");
      if (!users && !parts[0].equalsIgnoreCase("Groups")) {
        throw new NotFound(entry.label() + ".path '" + entry.path() + "' is not /Users or /Groups");
      }
      if (entry.method() == BulkOpType.POST) {
        if (parts.length > 1 && !parts[1].isEmpty()) {
          throw new NotFound(entry.label() + ": POST goes to /Users or /Groups, not to a resource");
        }
        return new Target(users, null, parts[0]);
      }
      if (parts.length != 2 || parts[1].isEmpty()) {
        throw new NotFound(
            entry.label() + ": " + entry.method() + " needs the path of one resource, /Users/{id}");
      }
      String id =
          parts[1].startsWith(BULK_PREFIX)
              ? created(entry, parts[1].substring(BULK_PREFIX.length()), created)
              : parts[1];
      String type = users ? "Users" : "Groups";
      UUID uuid =
          RequestContext.id(id)
              .orElseThrow(
                  () -> new NotFound("no " + (users ? "user" : "group") + " with id " + id));
      return new Target(users, uuid, type + "/" + uuid);
    }

    String location(RequestContext ctx) {
      return id == null ? null : ctx.urls().base().resolve(path).toString();
    }
  }
}
