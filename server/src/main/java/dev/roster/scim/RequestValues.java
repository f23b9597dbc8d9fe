package dev.roster.scim;

import java.util.function.Function;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/**
 * What a SCIM endpoint needs of the request, handed to its methods as {@code @Context} parameters
 * of Roster's types — {@link RequestContext}, {@link ProjectionParams}, {@link SearchParameters} —
 * read straight from Jersey's request.
 *
 * <p>Why not JAX-RS's own ways: the endpoints are singletons, and a {@code @Context} field of a
 * singleton is a proxy HK2 resolves on every call, as Jersey builds a {@code @BeanParam} through
 * HK2 on every request. Both were a tenth of a GET's CPU; a value provider is called with the
 * request itself.
 *
 * <p>{@code ValueParamProvider} is in a package Jersey calls internal; every HTTP test goes through
 * this class, so an upgrade that changes it fails them.
 */
public final class RequestValues implements ValueParamProvider {
  @Override
  public Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
    if (parameter.getSource() != Parameter.Source.CONTEXT) {
      return null;
    }
    Class<?> type = parameter.getRawType();
    if (type == RequestContext.class) {
      return request -> RequestContext.of(request.getSecurityContext(), request.getUriInfo());
    }
    if (type == ProjectionParams.class) {
      return request -> ProjectionParams.of(request.getUriInfo());
    }
    if (type == SearchParameters.class) {
      return request -> SearchParameters.of(request.getUriInfo());
    }
    return null;
  }

  /** Ahead of Jersey's own {@code @Context} provider, which would ask HK2. */
  @Override
  public PriorityType getPriority() {
    return Priority.HIGH;
  }
}
