package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;

/**
 * One operation of a PATCH request as Roster applies it: the SDK's operation with a canonical path
 * that is always present (a path-less {@code add} or {@code replace} becomes one step per attribute
 * of its value), the path resolved against the schemas, and the value in canonical form.
 *
 * @param label where the operation is in the request, such as {@code Operations[2]}, for messages
 * @param value the value the operation carries, or null for a remove
 */
record PatchStep(
    String label,
    PatchOpType kind,
    AttributePath target,
    JsonNode value,
    PatchOperation operation) {

  boolean targets(String topKey) {
    return target.topKey().equals(topKey);
  }

  /** Without the value: it may be a password. */
  @Override
  public String toString() {
    return label + " " + kind + " " + target;
  }
}
