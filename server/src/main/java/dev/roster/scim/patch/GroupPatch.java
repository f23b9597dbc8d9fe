package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.roster.domain.Group;
import dev.roster.domain.GroupDraft;
import dev.roster.domain.GroupService;
import dev.roster.domain.IfMatch;
import dev.roster.domain.Invalid;
import dev.roster.domain.MemberRef;
import dev.roster.domain.MembershipChange;
import dev.roster.domain.MembershipChange.Kind;
import dev.roster.scim.UncheckedScimException;
import dev.roster.scim.map.GroupMapper;
import dev.roster.scim.map.ScimUrls;
import dev.roster.scim.schema.ResourceReader;
import dev.roster.scim.schema.ScimResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A PATCH of one group (RFC 7644 §3.5.2). Operations on {@code members} become {@link
 * MembershipChange}s that the store runs as set-based SQL, so adding or removing members never
 * reads the group's other members; the other operations are applied to the group's JSON (without
 * its members) and read against the Group schema. All of it runs in one transaction with the group
 * locked.
 *
 * <p>Members are added and removed whole: their sub-attributes are immutable or read-only, so a
 * path into them is a 400 {@code mutability}. A remove selects members by id only ({@code
 * members[value eq "…"]}, joined with {@code or}); {@code remove members} without a filter removes
 * every member that was added over SCIM.
 */
public final class GroupPatch {
  private static final PatchReader PATCHES = new PatchReader(ScimResourceType.GROUP);
  private static final ResourceReader GROUPS = new ResourceReader(ScimResourceType.GROUP);
  private static final String MEMBERS = "members";

  private final List<PatchStep> steps;
  private final List<MembershipChange> changes;

  private GroupPatch(List<PatchStep> steps, List<MembershipChange> changes) {
    this.steps = steps;
    this.changes = changes;
  }

  public static GroupPatch read(JsonNode body) throws ScimException {
    List<PatchStep> steps = new ArrayList<>();
    List<MembershipChange> changes = new ArrayList<>();
    for (PatchStep step : PATCHES.read(body)) {
      if (step.targets(MEMBERS)) {
        changes.add(change(step));
      } else {
        steps.add(step);
      }
    }
    return new GroupPatch(List.copyOf(steps), List.copyOf(changes));
  }

  public Group applyTo(
      GroupService service, UUID tenantId, UUID id, IfMatch ifMatch, ScimUrls urls) {
    return service.patch(tenantId, id, ifMatch, current -> renamed(current, urls), changes);
  }

  private Group renamed(Group current, ScimUrls urls) {
    if (steps.isEmpty()) {
      return current;
    }
    ObjectNode patched;
    try {
      patched = PatchApplier.apply(GroupMapper.toScim(current, urls), steps);
    } catch (ScimException e) {
      throw new UncheckedScimException(e);
    }
    GroupDraft draft = GroupMapper.toDraft(GROUPS.read(patched));
    return new Group(
        current.id(),
        draft.displayName(),
        draft.externalId(),
        current.source(),
        draft.settings(),
        current.meta());
  }

  private static MembershipChange change(PatchStep step) throws BadRequestException {
    AttributePath target = step.target();
    if (target.chain().size() > 1) {
      throw Failures.mutability(
          step.label(), "members are added and removed whole; '" + target + "' cannot be changed");
    }
    boolean filtered = target.endsInFilter();
    return switch (step.kind()) {
      case ADD -> {
        if (filtered) {
          throw BadRequestException.invalidPath(
              step.label() + ": add to 'members' without a filter, listing the members in value");
        }
        yield new MembershipChange(Kind.ADD, members(step));
      }
      case REPLACE -> {
        if (filtered) {
          throw Failures.mutability(
              step.label(), "a member cannot be changed, only added or removed");
        }
        yield new MembershipChange(Kind.REPLACE, members(step));
      }
      case REMOVE -> {
        if (!filtered) {
          yield MembershipChange.removeAll();
        }
        List<MemberRef> selected = new ArrayList<>();
        selected(step, target.path().getLastElement().getValueFilter(), selected);
        yield new MembershipChange(Kind.REMOVE, selected);
      }
    };
  }

  /** The members in an add or replace value: {@code [{"value": "<id>", "type": …}, …]}. */
  private static List<MemberRef> members(PatchStep step) throws BadRequestException {
    List<MemberRef> members = new ArrayList<>();
    JsonNode values = step.value();
    for (int i = 0; i < values.size(); i++) {
      String label = step.label() + ".value[" + i + "]";
      JsonNode id = values.get(i).get("value");
      if (id == null || !id.isTextual()) {
        throw BadRequestException.invalidValue(
            label + " needs \"value\": the id of the user or group");
      }
      id(label + ".value", id.textValue());
      try {
        members.add(GroupMapper.memberRef(values.get(i), label));
      } catch (Invalid e) {
        throw BadRequestException.invalidValue(e.getMessage());
      }
    }
    return members;
  }

  /** The ids a remove filter selects: {@code value eq "…"}, possibly joined with {@code or}. */
  private static void selected(PatchStep step, Filter filter, List<MemberRef> ids)
      throws BadRequestException {
    if (filter.getFilterType() == FilterType.OR) {
      for (Filter part : filter.getCombinedFilters()) {
        selected(step, part, ids);
      }
      return;
    }
    boolean byValue =
        filter.getFilterType() == FilterType.EQUAL
            && filter.getAttributePath().toString().equals("value")
            && filter.getComparisonValue() != null
            && filter.getComparisonValue().isTextual();
    if (!byValue) {
      throw BadRequestException.invalidFilter(
          step.label()
              + ": members are selected for removal by id only, as members[value eq \"<id>\"]"
              + " (several joined with 'or'), not by "
              + filter);
    }
    ids.add(new MemberRef(id(step.label() + ".path", filter.getComparisonValue().textValue())));
  }

  private static UUID id(String label, String value) throws BadRequestException {
    try {
      if (value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // the message below says what is expected
    }
    throw BadRequestException.invalidValue(
        label + ": '" + value + "' is not the id of a user or group");
  }
}
