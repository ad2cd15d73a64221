package org.opendvc.portal.web.shared;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The province's emblem when {@code portal.province.emblem} names a file on the server: served as
 * an image of the type its name says (SVG, PNG, JPEG, WebP or GIF), never as a page. Without such a
 * file the pages use the neutral default under {@code /static/} and this answers 404.
 */
@WebServlet(ProvinceIdentity.EMBLEM_PATH)
public class EmblemServlet extends HttpServlet {

  private static final long MAX_BYTES = 1024 * 1024;

  @Inject private ProvinceIdentity province;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Path> file = province.emblemFile();
    String type = file.map(EmblemServlet::type).orElse(null);
    if (type == null || Files.size(file.get()) > MAX_BYTES) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(type);
    response.setHeader("Cache-Control", "public, max-age=3600");
    response.setHeader("X-Content-Type-Options", "nosniff");
    // an SVG opened on its own must not run script
    response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    response.setContentLengthLong(Files.size(file.get()));
    Files.copy(file.get(), response.getOutputStream());
  }

  private static String type(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".svg")) {
      return "image/svg+xml";
    }
    if (name.endsWith(".png")) {
      return "image/png";
    }
    if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (name.endsWith(".webp")) {
      return "image/webp";
    }
    if (name.endsWith(".gif")) {
      return "image/gif";
    }
    return null;
  }
}
