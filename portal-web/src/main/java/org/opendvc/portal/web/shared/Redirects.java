package org.opendvc.portal.web.shared;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends a page request with {@code 303 See Other} to a path of the portal: after a form is posted,
 * the browser loads the next page with GET, so a reload or the back button never posts twice.
 */
public final class Redirects {

  private Redirects() {}

  /** From a page bean's view action: answers 303 to the path (below the context path). */
  public static void seeOther(String path) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", external.getRequestContextPath() + path);
    faces.responseComplete();
  }
}
