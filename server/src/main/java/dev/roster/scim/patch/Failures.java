package dev.roster.scim.patch;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;

/**
 * SCIM errors of a PATCH, each prefixed with the operation it came from ({@code Operations[2]: …}),
 * keeping the scimType the SDK chose ({@code noTarget}, {@code invalidPath}, …).
 */
final class Failures {
  private Failures() {}

  static BadRequestException at(String label, ScimException e) {
    ErrorResponse error = e.getScimError();
    String detail = label + ": " + firstLine(error.getDetail());
    return new BadRequestException(detail, error.getScimType());
  }

  /** The SDK's factories wrap a ScimException in an IllegalArgumentException. */
  static BadRequestException at(String label, IllegalArgumentException e) {
    if (e.getCause() instanceof ScimException scim) {
      return at(label, scim);
    }
    return BadRequestException.invalidValue(label + ": " + firstLine(e.getMessage()));
  }

  static BadRequestException mutability(String label, String detail) {
    return BadRequestException.mutability(label + ": " + detail);
  }

  /** A message without the JSON library's location lines. */
  static String firstLine(String message) {
    if (message == null) {
      return "not valid";
    }
    int cut = message.indexOf('\n');
    return (cut < 0 ? message : message.substring(0, cut)).strip();
  }
}
