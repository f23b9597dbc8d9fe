package dev.roster.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;

/** Reading request bodies and writing SCIM JSON, with the SDK's configured mapper. */
public final class ScimJson {
  public static final String MEDIA_TYPE = "application/scim+json";
  public static final ObjectMapper MAPPER = JsonUtils.createObjectMapper();

  private ScimJson() {}

  /**
   * A response body as bytes, written here rather than by Jersey's Jackson provider, which looks
   * its writer up again on every response (4% of a GET by id in a profile).
   */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response could not be written as JSON", e);
    }
  }

  /**
   * Parses a body as UTF-8 JSON (RFC 8259 §8.1; a declared charset is not consulted), so a byte
   * that is not UTF-8 is an error rather than a silent replacement character. Malformed JSON is a
   * 400 {@code invalidSyntax} that says where.
   */
  public static JsonNode parse(byte[] body) throws BadRequestException {
    if (body == null || body.length == 0) {
      throw BadRequestException.invalidSyntax("the request body is empty; send a JSON object");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw BadRequestException.invalidSyntax("the request body is empty; send a JSON object");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw BadRequestException.invalidSyntax(
          "the request body nests too deeply or holds a value too large to accept");
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw BadRequestException.invalidSyntax("the request body is not valid JSON" + where);
    } catch (java.io.IOException e) {
      // Reading from a byte array fails only on content, e.g. bytes that are not UTF-8.
      throw BadRequestException.invalidSyntax("the request body is not valid UTF-8 JSON");
    }
  }
}
