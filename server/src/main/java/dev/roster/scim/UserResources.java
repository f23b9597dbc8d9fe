package dev.roster.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.roster.domain.IfMatch;
import dev.roster.domain.NotFound;
import dev.roster.domain.User;
import dev.roster.domain.UserService;
import dev.roster.scim.map.UserMapper;
import dev.roster.scim.patch.UserPatch;
import dev.roster.scim.schema.ResourceReader;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.store.Page;
import dev.roster.store.Transactions;
import dev.roster.store.UserStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SCIM operations on one user, rendered (projected) as the resource and the version its ETag
 * carries: what {@code /Users}, {@code /Me} (RFC 7644 §3.11) and the operations of {@code /Bulk}
 * (§3.7) all do to a user.
 */
public final class UserResources {
  private static final ResourceReader READER = new ResourceReader(ScimResourceType.USER);

  private final Transactions tx;
  private final UserStore users;
  private final UserService service;

  public UserResources(Transactions tx, UserStore users, UserService service) {
    this.tx = tx;
    this.users = users;
    this.service = service;
  }

  public Rendered get(RequestContext ctx, UUID id, Projection shown) {
    return tx.reading(
        () ->
            users
                .find(ctx.tenantId(), id)
                .map(user -> render(ctx, user, shown))
                .orElseThrow(() -> NotFound.user(id)));
  }

  public Rendered create(RequestContext ctx, JsonNode body, Projection shown) {
    User user =
        service.create(ctx.tenantId(), UserMapper.toDraft(READER.read(body)), ctx.caller().scope());
    return tx.reading(() -> render(ctx, user, shown));
  }

  public Rendered replace(
      RequestContext ctx, UUID id, JsonNode body, IfMatch ifMatch, Projection shown) {
    ObjectNode resource = READER.read(body);
    Optional<String> password = Optional.ofNullable(resource.path("password").textValue());
    User user =
        service.replace(
            ctx.tenantId(),
            id,
            ifMatch,
            password,
            current -> UserMapper.toReplacementDraft(resource, current),
            ctx.caller().scope());
    return tx.reading(() -> render(ctx, user, shown));
  }

  public Rendered patch(
      RequestContext ctx, UUID id, JsonNode body, IfMatch ifMatch, Projection shown)
      throws ScimException {
    User user =
        UserPatch.read(body)
            .applyTo(service, ctx.tenantId(), id, ifMatch, ctx.urls(), ctx.caller().scope());
    return tx.reading(() -> render(ctx, user, shown));
  }

  public void delete(RequestContext ctx, UUID id, IfMatch ifMatch) {
    service.delete(ctx.tenantId(), id, ifMatch);
  }

  /**
   * The user as an {@code ObjectNode}, projected; its groups and permissions are read only when
   * shown.
   */
  private Rendered render(RequestContext ctx, User user, Projection shown) {
    ObjectNode resource =
        UsersEndpoint.render(
                users, ctx.tenantId(), ctx.urls(), new Page<>(List.of(user), 1, 1), shown)
            .items()
            .get(0);
    return new Rendered(resource, ctx.urls().user(user.id()), user.meta().version());
  }
}
