package dev.roster.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;

/** Reading request bodies and writing SCIM JSON, with the SDK's configured mapper. */
public final class ScimJson {
  public static final String MEDIA_TYPE = "application/scim+json";
  public static final ObjectMapper MAPPER = JsonUtils.createObjectMapper();

  private ScimJson() {}

  /** Parses a body; malformed JSON is a 400 {@code invalidSyntax} that says where. */
  public static JsonNode parse(String body) throws BadRequestException {
    if (body == null || body.isBlank()) {
      throw BadRequestException.invalidSyntax("the request body is empty; send a JSON object");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw BadRequestException.invalidSyntax("the request body is not valid JSON" + where);
    }
  }
}
