package org.opendvc.portal.web.account;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.opendvc.portal.web.shared.Sessions;
import org.opendvc.portal.web.shared.SignedIn;

/**
 * {@code POST /logout} from the header's button: ends the session and goes home. It needs the form
 * token, so another site cannot sign a visitor out; a GET only leads home.
 */
@WebServlet(urlPatterns = "/logout")
public class SignOutServlet extends HttpServlet {

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<SignedIn> signedIn = Sessions.current(request);
    if (signedIn.isPresent()
        && signedIn.get().acceptsFormToken(request.getParameter(CurrentUser.TOKEN_FIELD))) {
      Sessions.end(request);
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/");
  }
}
