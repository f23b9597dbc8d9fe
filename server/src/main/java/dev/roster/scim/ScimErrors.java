package dev.roster.scim;

import com.unboundid.scim2.common.messages.ErrorResponse;
import jakarta.ws.rs.core.Response;

/** Building SCIM error bodies and responses. */
public final class ScimErrors {
  private ScimErrors() {}

  public static ErrorResponse error(int status, String scimType, String detail) {
    ErrorResponse error = new ErrorResponse(status);
    error.setScimType(scimType);
    error.setDetail(detail);
    return error;
  }

  public static Response response(ErrorResponse error) {
    return Response.status(error.getStatus())
        .type(ScimJson.MEDIA_TYPE)
        .entity(ScimJson.MAPPER.valueToTree(error))
        .build();
  }
}
