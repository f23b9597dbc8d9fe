package dev.roster.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.roster.domain.Group;
import dev.roster.domain.GroupService;
import dev.roster.domain.IfMatch;
import dev.roster.scim.map.GroupMapper;
import dev.roster.scim.patch.GroupPatch;
import dev.roster.scim.schema.ResourceReader;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.store.GroupStore;
import dev.roster.store.Transactions;
import java.util.UUID;

/** The SCIM operations on one group, for the operations of {@code /Bulk} (RFC 7644 §3.7). */
public final class GroupResources {
  private static final ResourceReader READER = new ResourceReader(ScimResourceType.GROUP);

  private final Transactions tx;
  private final GroupStore groups;
  private final GroupService service;

  public GroupResources(Transactions tx, GroupStore groups, GroupService service) {
    this.tx = tx;
    this.groups = groups;
    this.service = service;
  }

  public Rendered create(RequestContext ctx, JsonNode body) {
    Group group = service.create(ctx.tenantId(), GroupMapper.toDraft(READER.read(body)));
    return tx.reading(() -> render(ctx, group));
  }

  public Rendered replace(RequestContext ctx, UUID id, JsonNode body, IfMatch ifMatch) {
    Group group =
        service.replace(ctx.tenantId(), id, GroupMapper.toDraft(READER.read(body)), ifMatch);
    return tx.reading(() -> render(ctx, group));
  }

  public Rendered patch(RequestContext ctx, UUID id, JsonNode body, IfMatch ifMatch)
      throws ScimException {
    Group group = GroupPatch.read(body).applyTo(service, ctx.tenantId(), id, ifMatch, ctx.urls());
    return tx.reading(() -> render(ctx, group));
  }

  public void delete(RequestContext ctx, UUID id, IfMatch ifMatch) {
    service.delete(ctx.tenantId(), id, ifMatch);
  }

  /**
   * The group as an {@code ObjectNode} with its members, as a Bulk result carries it: bounded by
   * what the request itself names (a Bulk request's size is capped), unlike a GET, which streams.
   */
  private Rendered render(RequestContext ctx, Group group) {
    ObjectNode resource = GroupMapper.toScim(group, ctx.urls());
    ArrayNode members = ScimJson.MAPPER.createArrayNode();
    groups.forEachMember(
        ctx.tenantId(), group.id(), member -> members.add(GroupMapper.member(member, ctx.urls())));
    if (!members.isEmpty()) {
      resource.set("members", members);
    }
    return new Rendered(resource, ctx.urls().group(group.id()), group.meta().version());
  }
}
