package dev.roster.scim;

import dev.roster.scim.schema.ScimResourceType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code attributes} and {@code excludedAttributes} on a read or on the response of a write (RFC
 * 7644 §3.9).
 */
public record ProjectionParams(String attributes, String excludedAttributes) {
  /** The request's, from its query string; {@link RequestValues} hands it to the endpoints. */
  static ProjectionParams of(UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    return new ProjectionParams(query.getFirst("attributes"), query.getFirst("excludedAttributes"));
  }

  /** Whether the request names attributes to return or leave out. */
  boolean given() {
    return (attributes != null && !attributes.isBlank())
        || (excludedAttributes != null && !excludedAttributes.isBlank());
  }

  Projection of(ScimResourceType type) {
    return Projection.of(type, attributes, excludedAttributes);
  }
}
