package dev.roster.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /docs}: the README shipped in the jar, the {@code documentationUri} of
 * /ServiceProviderConfig.
 */
final class DocsServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try (InputStream readme = DocsServlet.class.getResourceAsStream("/dev/roster/docs/README.md")) {
      if (readme == null) {
        response.sendError(404);
        return;
      }
      response.setContentType("text/markdown; charset=utf-8");
      readme.transferTo(response.getOutputStream());
    }
  }
}
