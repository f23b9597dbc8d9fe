package dev.roster.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.bulk.BulkOpType;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ContentTooLargeException;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a bulk request body (RFC 7644 §3.7.1). A body whose shape is wrong (no operations, an
 * unknown method, a repeated bulkId, more operations than {@code bulk.maxOperations}) is refused
 * whole; an operation whose data is wrong fails alone when it runs.
 *
 * <p>Read by hand rather than through the SDK's {@code BulkRequest}: its deserializer parses each
 * PATCH's data with the SDK's strict patch reader, so one operation it cannot read would fail the
 * whole request, and Roster's PATCH accepts identity providers' habits the SDK's reader refuses.
 */
final class BulkReader {
  static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

  private BulkReader() {}

  static BulkJob read(JsonNode body, int maxOperations) throws ScimException {
    if (body == null || !body.isObject()) {
      throw BadRequestException.invalidSyntax(
          "a bulk request is a JSON object with \"schemas\" and \"Operations\"");
    }
    checkSchemas(field(body, "schemas"));
    JsonNode operations = field(body, "Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw BadRequestException.invalidSyntax(
          "\"Operations\" must be a non-empty array of {\"method\", \"path\", …} objects");
    }
    if (operations.size() > maxOperations) {
      throw new ContentTooLargeException(
          "the bulk request has "
              + operations.size()
              + " operations; this server accepts at most "
              + maxOperations
              + " (bulk.maxOperations in /ServiceProviderConfig)");
    }
    List<BulkEntry> entries = new ArrayList<>();
    Set<String> bulkIds = new HashSet<>();
    for (int i = 0; i < operations.size(); i++) {
      BulkEntry entry = entry(i, operations.get(i));
      if (entry.bulkId() != null && !bulkIds.add(entry.bulkId())) {
        throw BadRequestException.invalidValue(
            entry.label() + ".bulkId '" + entry.bulkId() + "' is used twice in this request");
      }
      entries.add(entry);
    }
    return new BulkJob(failOnErrors(field(body, "failOnErrors")), entries);
  }

  private static void checkSchemas(JsonNode schemas) throws BadRequestException {
    if (schemas == null || schemas.isNull()) {
      return;
    }
    if (schemas.isArray()) {
      for (JsonNode urn : schemas) {
        if (urn.isTextual() && urn.textValue().equalsIgnoreCase(BULK_REQUEST)) {
          return;
        }
      }
    }
    throw BadRequestException.invalidSyntax(
        "\"schemas\" of a bulk request must be [\"" + BULK_REQUEST + "\"]");
  }

  private static int failOnErrors(JsonNode value) throws BadRequestException {
    if (value == null || value.isNull()) {
      return Integer.MAX_VALUE;
    }
    if (!value.isIntegralNumber() || value.asLong() < 1) {
      throw BadRequestException.invalidValue("failOnErrors must be a whole number of at least 1");
    }
    return (int) Math.min(Integer.MAX_VALUE, value.asLong());
  }

  private static BulkEntry entry(int index, JsonNode operation) throws BadRequestException {
    String label = "Operations[" + index + "]";
    if (!operation.isObject()) {
      throw BadRequestException.invalidSyntax(
          label + " must be a JSON object with \"method\", \"path\" and \"data\"");
    }
    BulkOpType method = method(label, field(operation, "method"));
    String path = text(label + ".path", field(operation, "path"));
    if (path == null || path.isBlank()) {
      throw BadRequestException.invalidSyntax(label + ".path is required");
    }
    String bulkId = text(label + ".bulkId", field(operation, "bulkId"));
    String version = text(label + ".version", field(operation, "version"));
    JsonNode data = field(operation, "data");
    ScimException invalid = null;
    if (method != BulkOpType.DELETE && (data == null || !data.isObject())) {
      invalid =
          BadRequestException.invalidSyntax(
              label + ".data must be the JSON object a single " + method + " would send");
    }
    return new BulkEntry(
        index,
        method,
        path.strip(),
        bulkId,
        version,
        data instanceof ObjectNode object ? object : null,
        invalid);
  }

  private static BulkOpType method(String label, JsonNode method) throws BadRequestException {
    if (method != null && method.isTextual()) {
      try {
        return BulkOpType.valueOf(method.textValue().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // the message below says what is expected
      }
    }
    throw BadRequestException.invalidSyntax(
        label + ".method must be POST, PUT, PATCH or DELETE, not " + method);
  }

  private static String text(String label, JsonNode value) throws BadRequestException {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw BadRequestException.invalidSyntax(label + " must be a string");
    }
    return value.textValue();
  }

  /** A member by name, ignoring case (RFC 7643 §2.1). */
  private static JsonNode field(JsonNode object, String name) {
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
