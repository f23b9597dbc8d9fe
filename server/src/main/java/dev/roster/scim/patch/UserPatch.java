package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import dev.roster.domain.IfMatch;
import dev.roster.domain.User;
import dev.roster.domain.UserDraft;
import dev.roster.domain.UserService;
import dev.roster.scim.UncheckedScimException;
import dev.roster.scim.map.ScimUrls;
import dev.roster.scim.map.UserMapper;
import dev.roster.scim.schema.ResourceReader;
import dev.roster.scim.schema.ScimResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  public User applyTo(UserService service, UUID tenantId, UUID id, IfMatch ifMatch, ScimUrls urls) {
    return service.patch(tenantId, id, ifMatch, password, current -> draft(current, urls));
  }

  private UserDraft draft(User current, ScimUrls urls) {
    ObjectNode patched;
    try {
      patched = PatchApplier.apply(UserMapper.toScim(current, List.of(), urls), steps);
    } catch (ScimException e) {
      throw new UncheckedScimException(e);
    }
    return UserMapper.toDraft(USERS.read(patched));
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
