package org.opendvc.portal.web.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import org.opendvc.portal.web.shared.PageRoutes;

/** The code a page is about: from its short address, or {@code ?code=} on the view's own one. */
final class CodeParam {

  private CodeParam() {}

  static String of(HttpServletRequest request) {
    Object fromPath = request.getAttribute(PageRoutes.CODE);
    if (fromPath != null) {
      return fromPath.toString();
    }
    String param = request.getParameter("code");
    return param == null ? null : param.strip();
  }
}
