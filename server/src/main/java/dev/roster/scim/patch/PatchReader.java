package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import dev.roster.scim.schema.ScimResourceType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a PATCH request body (RFC 7644 §3.5.2) into {@link PatchStep}s of the SDK's {@link
 * PatchOperation}s, before anything is read from the database, so a malformed request fails with
 * nothing touched.
 *
 * <p>It accepts what identity providers send where the RFC leaves room and the meaning is plain: op
 * names in any case ({@code "Replace"}), member names in any case, a path-less value whose keys are
 * paths ({@code "name.givenName"}, {@code "urn:…:User:employeeNumber"}), a single value or a bare
 * id where an array of {@code {"value": …}} objects belongs ({@code manager}, {@code members}), a
 * {@code remove} that lists the values to remove (Entra ID's member removal), and {@code null}
 * meaning "no value" (RFC 7643 §2.5). Anything else that is wrong is a 400 with the RFC's scimType
 * and the operation's place in the request.
 */
final class PatchReader {
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ScimResourceType type;
  private final PathResolver paths;

  PatchReader(ScimResourceType type) {
    this.type = type;
    this.paths = new PathResolver(type);
  }

  List<PatchStep> read(JsonNode body) throws ScimException {
    if (body == null || !body.isObject()) {
      throw BadRequestException.invalidSyntax(
          "a PATCH body is a JSON object with \"schemas\" and \"Operations\"");
    }
    checkSchemas(field(body, "schemas"));
    JsonNode operations = field(body, "Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw BadRequestException.invalidSyntax(
          "\"Operations\" must be a non-empty array of {\"op\", \"path\", \"value\"} objects");
    }
    List<PatchStep> steps = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      readOperation("Operations[" + i + "]", operations.get(i), steps);
    }
    return steps;
  }

  private static void checkSchemas(JsonNode schemas) throws BadRequestException {
    if (schemas == null || schemas.isNull()) {
      return; // absent: the body's shape already says what it is
    }
    if (schemas.isArray()) {
      for (JsonNode urn : schemas) {
        if (urn.isTextual() && urn.textValue().equalsIgnoreCase(PATCH_OP)) {
          return;
        }
      }
    }
    throw BadRequestException.invalidSyntax(
        "\"schemas\" of a PATCH body must be [\"" + PATCH_OP + "\"]");
  }

  private void readOperation(String label, JsonNode operation, List<PatchStep> steps)
      throws ScimException {
    if (!operation.isObject()) {
      throw BadRequestException.invalidSyntax(
          label + " must be a JSON object with \"op\", \"path\" and \"value\"");
    }
    PatchOpType kind = kind(label, field(operation, "op"));
    JsonNode pathNode = field(operation, "path");
    JsonNode value = field(operation, "value");
    if (pathNode != null && !pathNode.isNull() && !pathNode.isTextual()) {
      throw BadRequestException.invalidPath(label + ".path must be a string");
    }
    String path = pathNode == null || pathNode.isNull() ? "" : pathNode.textValue().strip();
    if (path.isEmpty()) {
      if (kind == PatchOpType.REMOVE) {
        throw BadRequestException.noTarget(
            label + ": a remove needs a \"path\" naming what to remove");
      }
      readAttributes(label, kind, value, steps);
    } else {
      emit(label, kind, parse(label + ".path", path), value, steps);
    }
  }

  private static PatchOpType kind(String label, JsonNode op) throws BadRequestException {
    String text = op != null && op.isTextual() ? op.textValue().toLowerCase(Locale.ROOT) : "";
    return switch (text) {
      case "add" -> PatchOpType.ADD;
      case "replace" -> PatchOpType.REPLACE;
      case "remove" -> PatchOpType.REMOVE;
      default ->
          throw BadRequestException.invalidSyntax(
              label + ".op must be \"add\", \"replace\" or \"remove\", not " + op);
    };
  }

  /** A path-less add or replace: one step per attribute of the value object. */
  private void readAttributes(String label, PatchOpType kind, JsonNode value, List<PatchStep> steps)
      throws ScimException {
    if (value == null || !value.isObject()) {
      throw BadRequestException.invalidValue(
          label
              + ": without a \"path\", \"value\" must be an object of the attributes to "
              + verb(kind));
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (key.equalsIgnoreCase("schemas")) {
        continue; // the resource's schemas follow from its attributes
      }
      Optional<SchemaResource> extension = type.extension(key);
      if (extension.isPresent()) {
        readExtension(label, kind, extension.get(), field.getValue(), steps);
      } else {
        emit(label, kind, parse(label + ".value", key), field.getValue(), steps);
      }
    }
  }

  private void readExtension(
      String label,
      PatchOpType kind,
      SchemaResource extension,
      JsonNode value,
      List<PatchStep> steps)
      throws ScimException {
    if (value == null || value.isNull()) {
      if (kind == PatchOpType.REPLACE) {
        emit(label, PatchOpType.REMOVE, Path.root(extension.getId()), null, steps);
      }
      return;
    }
    if (!value.isObject()) {
      throw BadRequestException.invalidValue(
          label + ".value." + extension.getId() + " must be a JSON object");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      emit(
          label,
          kind,
          parse(label + ".value", extension.getId() + ":" + field.getKey()),
          field.getValue(),
          steps);
    }
  }

  private void emit(String label, PatchOpType kind, Path raw, JsonNode value, List<PatchStep> steps)
      throws ScimException {
    AttributePath target;
    try {
      target = paths.resolve(raw);
    } catch (BadRequestException e) {
      throw Failures.at(label, e);
    }
    boolean absent = value == null || value.isNull();
    if (target.leaf() == null && kind != PatchOpType.REMOVE && !absent) {
      // A whole extension: one step per attribute, as for a path-less value.
      readExtension(label, kind, type.extension(target.topKey()).orElseThrow(), value, steps);
      return;
    }
    if (kind == PatchOpType.REMOVE) {
      if (absent) {
        steps.add(remove(label, target));
      } else {
        removeListed(label, target, value).ifPresent(steps::add);
      }
      return;
    }
    if (absent || isEmpty(value)) {
      // RFC 7643 §2.5: null or an empty array unassigns; adding nothing changes nothing.
      if (kind == PatchOpType.REPLACE) {
        steps.add(remove(label, target));
      }
      return;
    }
    JsonNode shaped = Values.shape(target, value);
    PatchOperation operation;
    try {
      operation =
          kind == PatchOpType.ADD
              ? PatchOperation.add(target.path(), shaped)
              : PatchOperation.replace(target.path(), shaped);
    } catch (IllegalArgumentException e) {
      throw Failures.at(label, e);
    }
    steps.add(new PatchStep(label, kind, target, shaped, operation));
  }

  private static PatchStep remove(String label, AttributePath target) throws ScimException {
    try {
      return new PatchStep(
          label, PatchOpType.REMOVE, target, null, PatchOperation.remove(target.path()));
    } catch (IllegalArgumentException e) {
      throw Failures.at(label, e);
    }
  }

  /**
   * A remove that lists values ({@code {"op":"Remove","path":"members","value":[{"value":"id"}]}})
   * removes the values with those {@code value}s: it becomes {@code members[value eq "id"]}.
   */
  private static Optional<PatchStep> removeListed(
      String label, AttributePath target, JsonNode value) throws ScimException {
    AttributeDefinition leaf = target.leaf();
    if (leaf == null
        || !leaf.isMultiValued()
        || target.endsInFilter()
        || target.chain().size() > 1) {
      throw BadRequestException.invalidValue(
          label
              + ": a remove carries a value only to list values of a multi-valued attribute to remove;"
              + " '"
              + target
              + "' is not one");
    }
    List<Filter> equalities = new ArrayList<>();
    JsonNode listed = value.isArray() ? value : NODES.arrayNode().add(value);
    for (int i = 0; i < listed.size(); i++) {
      JsonNode element = listed.get(i);
      JsonNode id = element.isObject() ? field(element, "value") : element;
      if (id == null || !(id.isTextual() || id.isNumber())) {
        throw BadRequestException.invalidValue(
            label + ".value[" + i + "] must be {\"value\": …} naming a value to remove");
      }
      equalities.add(Filter.eq("value", id.asText()));
    }
    if (equalities.isEmpty()) {
      return Optional.empty(); // nothing listed, nothing removed (not "remove them all")
    }
    Filter filter = equalities.size() == 1 ? equalities.get(0) : Filter.or(equalities);
    Path path = target.path().replace(target.path().size() - 1, filter);
    AttributePath filtered = new AttributePath(path, target.topKey(), target.chain());
    return Optional.of(remove(label, filtered));
  }

  private static Path parse(String label, String path) throws BadRequestException {
    try {
      return Path.fromString(path);
    } catch (BadRequestException e) {
      throw BadRequestException.invalidPath(
          label
              + ": '"
              + path
              + "' is not an attribute path: "
              + Failures.firstLine(e.getMessage()));
    }
  }

  private static boolean isEmpty(JsonNode value) {
    return (value.isArray() || value.isObject()) && value.isEmpty();
  }

  private static String verb(PatchOpType kind) {
    return kind == PatchOpType.ADD ? "add" : "replace";
  }

  /** A member of a JSON object by name, ignoring case (RFC 7643 §2.1). */
  static JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String candidate = names.next();
      if (candidate.equalsIgnoreCase(name)) {
        return object.get(candidate);
      }
    }
    return null;
  }
}
