package dev.roster.auth;

import dev.roster.domain.Scope;
import dev.roster.scim.ScimErrors;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Every request needs {@code Authorization: Bearer <token>} (RFC 6750). No token or an unknown one
 * is 401 with {@code WWW-Authenticate: Bearer}; a token whose scope is too small for the method is
 * 403. The caller is left on the request for the endpoints. It runs before matching, so an unknown
 * path without a token is a 401 too: nothing about the API is revealed to an unauthenticated
 * client.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthFilter implements ContainerRequestFilter {
  private final TokenService tokens;
  private final Scope writeScope;

  /**
   * @param writeScope the scope that non-read methods need (write for SCIM, admin for /admin)
   */
  public BearerAuthFilter(TokenService tokens, Scope writeScope) {
    this.tokens = tokens;
    this.writeScope = writeScope;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<Caller> caller =
        tokens.authenticate(bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
    if (caller.isEmpty()) {
      request.abortWith(unauthorized());
      return;
    }
    Scope needed = isRead(request) ? readScope() : writeScope;
    if (!caller.get().scope().allows(needed)) {
      request.abortWith(
          ScimErrors.response(
              ScimErrors.error(
                  403,
                  null,
                  "this token has scope '"
                      + caller.get().scope().label()
                      + "'; "
                      + request.getMethod()
                      + " here needs '"
                      + needed.label()
                      + "'")));
      return;
    }
    request.setSecurityContext(
        new CallerSecurityContext(caller.get(), request.getSecurityContext().isSecure()));
    MDC.put("tenant", caller.get().tenantId().toString());
  }

  private Scope readScope() {
    return writeScope == Scope.ADMIN ? Scope.ADMIN : Scope.READ;
  }

  /** GET and HEAD read; so does POST to a {@code /.search} endpoint (RFC 7644 §3.4.3). */
  private static boolean isRead(ContainerRequestContext request) {
    String method = request.getMethod();
    return method.equals("GET")
        || method.equals("HEAD")
        || (method.equals("POST") && request.getUriInfo().getPath().endsWith(".search"));
  }

  private static String bearer(String header) {
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  private static Response unauthorized() {
    Response error =
        ScimErrors.response(
            ScimErrors.error(401, null, "send a valid token as 'Authorization: Bearer <token>'"));
    return Response.fromResponse(error)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"roster\"")
        .build();
  }
}
