package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import dev.roster.domain.Conflict;
import dev.roster.domain.IfMatch;
import dev.roster.domain.Scope;
import dev.roster.domain.User;
import dev.roster.domain.UserDraft;
import dev.roster.domain.UserService;
import dev.roster.scim.UncheckedScimException;
import dev.roster.scim.map.ScimUrls;
import dev.roster.scim.map.UserMapper;
import dev.roster.scim.schema.ResourceReader;
import dev.roster.scim.schema.ScimResourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A PATCH of one user (RFC 7644 §3.5.2): read and checked before the database is touched, then
 * applied to the user's JSON inside the transaction that holds the user locked, and the result read
 * against the User schema exactly as a PUT body is. All operations apply or none does.
 *
 * <pre>{@code
 * User patched = UserPatch.read(body).applyTo(service, tenantId, id, ifMatch, urls);
 * }</pre>
 *
 * A password set by the PATCH is taken out of the operations so it is hashed before the lock, and
 * it never enters the JSON that is patched.
 */
public final class UserPatch {
  private static final PatchReader PATCHES = new PatchReader(ScimResourceType.USER);
  private static final ResourceReader USERS = new ResourceReader(ScimResourceType.USER);
  private static final String PASSWORD = "password";
  private static final List<String> ASSIGNED_ONE_BY_ONE = List.of("roles", "entitlements");

  private final List<PatchStep> steps;
  private final Optional<String> password;

  private UserPatch(List<PatchStep> steps, Optional<String> password) {
    this.steps = steps;
    this.password = password;
  }

  public static UserPatch read(JsonNode body) throws ScimException {
    List<PatchStep> steps = new ArrayList<>();
    Optional<String> password = Optional.empty();
    for (PatchStep step : PATCHES.read(body)) {
      if (step.targets(PASSWORD)) {
        password = Optional.of(password(step));
      } else {
        steps.add(step);
      }
    }
    return new UserPatch(List.copyOf(steps), password);
  }

  public User applyTo(
      UserService service, UUID tenantId, UUID id, IfMatch ifMatch, ScimUrls urls, Scope scope) {
    return service.patch(tenantId, id, ifMatch, password, current -> draft(current, urls), scope);
  }

  private UserDraft draft(User current, ScimUrls urls) {
    ObjectNode before = UserMapper.toScim(current, List.of(), urls);
    for (String attribute : ASSIGNED_ONE_BY_ONE) {
      checkNotAssignedTwice(attribute, before.get(attribute));
    }
    ObjectNode patched;
    try {
      patched = PatchApplier.apply(before, steps);
    } catch (ScimException e) {
      throw new UncheckedScimException(e);
    }
    return UserMapper.toPatchedDraft(USERS.read(patched));
  }

  /**
   * Roles and entitlements are assigned and removed one at a time (DataSentinel's "assign role"):
   * adding one the user already has is a 409, as a duplicate create is, rather than a silent
   * success that hides a client's stale view.
   */
  private void checkNotAssignedTwice(String attribute, JsonNode current) {
    Set<String> assigned = new HashSet<>();
    if (current != null) {
      current.forEach(v -> assigned.add(v.path("value").asText("").toLowerCase(Locale.ROOT)));
    }
    for (PatchStep step : steps) {
      if (step.kind() != PatchOpType.ADD
          || !step.targets(attribute)
          || step.target().chain().size() > 1
          || step.value() == null) {
        continue;
      }
      Iterable<JsonNode> values = step.value().isArray() ? step.value() : List.of(step.value());
      for (JsonNode value : values) {
        String text = value.isObject() ? value.path("value").asText("") : value.asText("");
        if (!assigned.add(text.toLowerCase(Locale.ROOT))) {
          throw new Conflict(
              step.label()
                  + ": "
                  + attribute
                  + " '"
                  + text
                  + "' is already assigned to this user; remove it first");
        }
      }
    }
  }

  private static String password(PatchStep step) throws BadRequestException {
    if (step.kind() == PatchOpType.REMOVE) {
      throw BadRequestException.invalidValue(
          step.label() + ": a password cannot be removed, only replaced");
    }
    if (step.value() == null || !step.value().isTextual()) {
      throw BadRequestException.invalidValue(step.label() + ": password must be a string");
    }
    if (step.value().textValue().indexOf('\u0000') >= 0) {
      throw BadRequestException.invalidValue(
          step.label() + ": password must not contain NUL characters");
    }
    return step.value().textValue();
  }
}
