package dev.roster.app;

import dev.roster.store.jpa.Database;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: it can reach its database. No
 * token needed: load balancers and orchestrators call these.
 */
final class HealthServlet extends HttpServlet {
  private final transient Database database;

  HealthServlet(Database database) {
    this.database = database;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    boolean up =
        switch (path) {
          case "/live" -> true;
          case "/ready" -> database.isReachable();
          default -> {
            response.sendError(404);
            yield false;
          }
        };
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(up ? 200 : 503);
    response.setContentType("application/json");
    response.getWriter().write(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
  }
}
