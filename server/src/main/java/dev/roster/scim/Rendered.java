package dev.roster.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A resource rendered as SCIM JSON, with the version its ETag carries. */
public record Rendered(ObjectNode resource, long version) {}
