package dev.roster.scim;

/**
 * A resource ready to send: its body (an {@code ObjectNode}, or a {@code StreamingOutput} that
 * writes it), where it lives, and the version its ETag carries. The location is kept apart from the
 * body because {@code attributes} may leave {@code meta} out of the body.
 */
public record Rendered(Object body, String location, long version) {}
