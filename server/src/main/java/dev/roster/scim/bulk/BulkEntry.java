package dev.roster.scim.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.bulk.BulkOpType;
import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * One operation of a bulk request (RFC 7644 §3.7.1) as read from the body.
 *
 * @param data the resource or PATCH body; null for DELETE
 * @param invalid why the operation cannot run, or null; it then fails alone with this error
 */
record BulkEntry(
    int index,
    BulkOpType method,
    String path,
    String bulkId,
    String version,
    ObjectNode data,
    ScimException invalid) {

  String label() {
    return "Operations[" + index + "]";
  }
}
