package dev.roster.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import dev.roster.domain.BadCredentials;
import dev.roster.domain.Conflict;
import dev.roster.domain.Forbidden;
import dev.roster.domain.Invalid;
import dev.roster.domain.InvalidCursor;
import dev.roster.domain.InvalidFilter;
import dev.roster.domain.NotFound;
import dev.roster.domain.PreconditionFailed;
import dev.roster.domain.RosterException;
import dev.roster.domain.TooManyAttempts;
import dev.roster.domain.Unavailable;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where anything thrown becomes a SCIM error (RFC 7644 §3.12). Domain exceptions map
 * to their status and scimType; anything unexpected is a 500 whose detail is only an id, logged
 * beside the stack trace, so no SQL or internals reach a client.
 */
public final class ScimExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ScimExceptionMapper.class);

  @Override
  public Response toResponse(Throwable exception) {
    Response response = ScimErrors.response(error(exception));
    if (exception instanceof TooManyAttempts tooMany) {
      // RFC 6585 §4: say when to come back.
      return Response.fromResponse(response)
          .header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds())
          .build();
    }
    return response;
  }

  /** The SCIM error for anything thrown; Bulk uses it for each failed operation. */
  public static ErrorResponse error(Throwable exception) {
    if (exception instanceof ScimException scim) {
      return scim.getScimError();
    }
    if (exception instanceof UncheckedScimException unchecked) {
      return unchecked.scim().getScimError();
    }
    if (exception instanceof RosterException roster) {
      return domain(roster);
    }
    if (exception instanceof OptimisticLockException
        || exception instanceof StaleStateException
        || exception instanceof PessimisticLockException
        || exception instanceof LockTimeoutException
        || exception instanceof org.hibernate.PessimisticLockException
        || exception instanceof LockAcquisitionException) {
      // A lock wait that timed out, or a deadlock the database broke: nothing was written.
      return ScimErrors.error(
          409,
          null,
          "the resource was changed by another request at the same time; read it again and retry");
    }
    if (exception instanceof WebApplicationException web) {
      return http(web);
    }
    String id = UUID.randomUUID().toString();
    LOG.error("internal error id={}", id, exception);
    return ScimErrors.error(500, null, "internal error, id=" + id);
  }

  private static ErrorResponse domain(RosterException e) {
    if (e instanceof NotFound) {
      return ScimErrors.error(404, null, e.getMessage());
    }
    if (e instanceof dev.roster.domain.InProgress) {
      return ScimErrors.error(409, null, e.getMessage());
    }
    if (e instanceof Conflict) {
      return ScimErrors.error(409, BadRequestException.UNIQUENESS, e.getMessage());
    }
    if (e instanceof dev.roster.domain.NotWritable) {
      return ScimErrors.error(400, BadRequestException.MUTABILITY, e.getMessage());
    }
    if (e instanceof dev.roster.domain.LastAdministrator) {
      return ScimErrors.error(409, null, e.getMessage());
    }
    if (e instanceof Invalid) {
      return ScimErrors.error(400, BadRequestException.INVALID_VALUE, e.getMessage());
    }
    if (e instanceof InvalidFilter) {
      return ScimErrors.error(400, BadRequestException.INVALID_FILTER, e.getMessage());
    }
    if (e instanceof InvalidCursor) {
      return ScimErrors.error(400, BadRequestException.INVALID_CURSOR, e.getMessage());
    }
    if (e instanceof PreconditionFailed) {
      return ScimErrors.error(412, null, e.getMessage());
    }
    if (e instanceof Forbidden) {
      return ScimErrors.error(403, null, e.getMessage());
    }
    if (e instanceof BadCredentials) {
      return ScimErrors.error(401, null, e.getMessage());
    }
    if (e instanceof TooManyAttempts) {
      return ScimErrors.error(429, null, e.getMessage());
    }
    if (e instanceof Unavailable) {
      return ScimErrors.error(503, null, e.getMessage());
    }
    return ScimErrors.error(400, null, e.getMessage());
  }

  private static ErrorResponse http(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (e instanceof NotAllowedException) {
      return ScimErrors.error(
          405,
          null,
          "this method is not allowed here; allowed: " + e.getResponse().getAllowedMethods());
    }
    if (e instanceof NotSupportedException) {
      return ScimErrors.error(
          415, null, "send the body as application/scim+json or application/json");
    }
    if (e instanceof NotAcceptableException) {
      return ScimErrors.error(
          406, null, "responses are application/scim+json; accept it or application/json");
    }
    if (status == 404) {
      return ScimErrors.error(404, null, "no such endpoint");
    }
    if (status >= 500) {
      String id = UUID.randomUUID().toString();
      LOG.error("internal error id={}", id, e);
      return ScimErrors.error(status, null, "internal error, id=" + id);
    }
    return ScimErrors.error(status, null, e.getResponse().getStatusInfo().getReasonPhrase());
  }
}
