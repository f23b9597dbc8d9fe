package dev.roster.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.SearchRequest;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the body of {@code POST …/.search} (RFC 7644 §3.4.3) into the SDK's {@link SearchRequest}.
 * Attribute names are case-insensitive (RFC 7643 §2.1) and an unknown one is refused, so a typo
 * such as {@code "filters"} is a 400 rather than a search of everything.
 */
final class SearchRequests {
  static final String URN = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

  private static final List<String> NAMES =
      List.of(
          "schemas",
          "attributes",
          "excludedAttributes",
          "filter",
          "sortBy",
          "sortOrder",
          "startIndex",
          "cursor",
          "count");

  private SearchRequests() {}

  static SearchParameters read(byte[] body) throws BadRequestException {
    JsonNode json = ScimJson.parse(body);
    if (!json.isObject()) {
      throw BadRequestException.invalidSyntax("the request body must be a SearchRequest object");
    }
    ObjectNode canonical = ScimJson.MAPPER.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name =
          NAMES.stream()
              .filter(n -> n.equalsIgnoreCase(field.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      BadRequestException.invalidValue(
                          "'"
                              + field.getKey()
                              + "' is not an attribute of a SearchRequest; it has "
                              + String.join(", ", NAMES)));
      canonical.set(name, field.getValue());
    }
    checkSchemas(canonical.get("schemas"));
    JsonNode order = canonical.get("sortOrder");
    if (order != null && order.isTextual()) {
      canonical.put("sortOrder", order.textValue().toLowerCase(Locale.ROOT));
    }
    try {
      return SearchParameters.of(ScimJson.MAPPER.treeToValue(canonical, SearchRequest.class));
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      String field =
          e.getPath().isEmpty() ? "a value" : "'" + e.getPath().get(0).getFieldName() + "'";
      throw BadRequestException.invalidValue(
          "the SearchRequest's " + field + " has the wrong type or an unknown value");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw BadRequestException.invalidSyntax("the request body is not a SearchRequest");
    }
  }

  private static void checkSchemas(JsonNode schemas) throws BadRequestException {
    if (schemas == null) {
      return;
    }
    if (schemas.isArray()) {
      for (JsonNode urn : schemas) {
        if (urn.isTextual() && urn.textValue().equalsIgnoreCase(URN)) {
          return;
        }
      }
    }
    throw BadRequestException.invalidSyntax("schemas must be [\"" + URN + "\"]");
  }
}
