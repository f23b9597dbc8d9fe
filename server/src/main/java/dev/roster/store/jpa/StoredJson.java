package dev.roster.store.jpa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.domain.UserDetails;

/**
 * The JSON kept in the {@code attributes} column. Its shape is the domain records', not SCIM's, so
 * the SCIM representation can change without a data migration.
 */
final class StoredJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          // Instants (secrets' lastUpdate, trial) as RFC 3339 text, as the schema shows them.
          .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private StoredJson() {}

  /** The width of the {@code attributes} column. */
  static final int MAX_LENGTH = 1_000_000;

  static String write(UserDetails details) {
    try {
      String json = MAPPER.writeValueAsString(details);
      if (json.length() > MAX_LENGTH) {
        throw new dev.roster.domain.Invalid(
            "body", "the user's attributes take more than " + MAX_LENGTH + " characters");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize user attributes", e);
    }
  }

  /** The stored JSON as a tree: what {@link UserValues} walks. */
  static ObjectNode tree(UserDetails details) {
    return MAPPER.valueToTree(details);
  }

  static UserDetails readUser(String json) {
    try {
      return MAPPER.readValue(json, UserDetails.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored user attributes are not valid JSON", e);
    }
  }
}
