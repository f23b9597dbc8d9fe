package dev.roster.scim;

import dev.roster.scim.schema.ScimResourceType;
import jakarta.ws.rs.QueryParam;

/**
 * {@code attributes} and {@code excludedAttributes} on a read or on the response of a write (RFC
 * 7644 §3.9).
 */
public final class ProjectionParams {
  @QueryParam("attributes")
  String attributes;

  @QueryParam("excludedAttributes")
  String excludedAttributes;

  /** Whether the request names attributes to return or leave out. */
  boolean given() {
    return (attributes != null && !attributes.isBlank())
        || (excludedAttributes != null && !excludedAttributes.isBlank());
  }

  Projection of(ScimResourceType type) {
    return Projection.of(type, attributes, excludedAttributes);
  }
}
