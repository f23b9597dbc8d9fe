package dev.roster.app;

import dev.roster.scim.ScimErrors;
import dev.roster.scim.ScimJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before any endpoint runs (a URI too long, a malformed request
 * line or header, a body over the size limit, an unknown path), as SCIM error JSON like every other
 * error, never an HTML page. Only the status and its reason are shown: Jetty's messages and causes
 * can carry internals.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ScimJson.MEDIA_TYPE);
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ScimJson.MEDIA_TYPE));
    return ByteBuffer.wrap(body(status));
  }

  private static byte[] body(int status) {
    String detail =
        switch (status) {
          case 404 -> "no such endpoint";
          case 413 -> "the request body is too large";
          case 414, 431 -> "the request line or headers are too long";
          default -> HttpStatus.getMessage(status);
        };
    try {
      return ScimJson.MAPPER.writeValueAsBytes(ScimErrors.error(status, null, detail));
    } catch (IOException e) {
      throw new IllegalStateException("an error body always serializes", e);
    }
  }
}
