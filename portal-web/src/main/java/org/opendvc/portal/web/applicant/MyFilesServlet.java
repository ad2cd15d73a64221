package org.opendvc.portal.web.applicant;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.attachment.AttachmentRefusedException;
import org.opendvc.portal.dossier.attachment.AttachmentService;
import org.opendvc.portal.http.AttachmentDownload;
import org.opendvc.portal.http.MultipartForm;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.Language;
import org.opendvc.portal.web.shared.Sessions;
import org.opendvc.portal.web.shared.SignedIn;

/**
 * The applicant's files of a dossier: {@code POST /my/files/{code}} adds one (multipart, read as it
 * arrives by the API's own reader: the form token first, the component number and the file; the
 * owner may add files while the dossier waits for acceptance or for a supplement), {@code GET
 * /my/files/{code}/{id}} downloads one of the owner's files or, once released, a result. Another
 * person's dossier or file is a 404. After a post the browser goes back to the dossier (303), with
 * the outcome shown there once.
 */
@WebServlet(urlPatterns = "/my/files/*")
public class MyFilesServlet extends HttpServlet {

  static final String PATH = "/my/files/";

  /** Session attribute holding the outcome of the last upload, shown once by the dossier page. */
  static final String FLASH = MyFilesServlet.class.getName() + ".flash";

  @Inject private AttachmentService attachments;
  @Inject private FileUploads uploads;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<SignedIn> signedIn = Sessions.current(request);
    String code = rest(request);
    if (signedIn.isEmpty()
        || !signedIn.get().isApplicant()
        || !code.matches("[A-Za-z0-9.]+-\\d{6}-\\d{4,5}")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String back = request.getContextPath() + "/my/dossiers/" + code;
    Caller caller = signedIn.get().caller();
    try {
      attachments.checkVisible(code, caller);
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Locale locale = Language.of(request);
    String outcome;
    try (MultipartForm form = uploads.read(request, Set.of("file"), signedIn)) {
      if (!signedIn.get().acceptsFormToken(form.field(CurrentUser.TOKEN_FIELD).orElse(null))) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", back);
        return;
      }
      int component = ApplicantFormat.page(form.field("component").orElse(null));
      Optional<MultipartForm.Upload> file = form.file("file").filter(MultipartForm.Upload::chosen);
      if (file.isEmpty()) {
        outcome = "!" + text(request, "my.files.noFile");
      } else {
        outcome =
            uploads
                .add(code, component, file.get(), caller, locale)
                .map(r -> "!" + r)
                .orElse(text(request, "my.files.added"));
      }
    } catch (AttachmentRefusedException | InvalidInputException e) {
      MultipartForm.drain(request.getInputStream());
      outcome = "!" + FileUploads.why(e, locale);
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    request.getSession().setAttribute(FLASH, outcome);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", back);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<SignedIn> signedIn = Sessions.current(request);
    String[] parts = rest(request).split("/");
    if (signedIn.isEmpty() || !signedIn.get().isApplicant() || parts.length != 2) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    AttachmentService.Download d;
    try {
      d = attachments.download(parts[0], parts[1], signedIn.get().caller());
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    AttachmentDownload.send(d, response);
  }

  /** Page text from the page bundle in the request's language. */
  private static String text(HttpServletRequest request, String key) {
    return java.util.ResourceBundle.getBundle(
            org.opendvc.portal.web.shared.PageText.BUNDLE,
            org.opendvc.portal.shared.Messages.supported(Language.of(request)),
            MyFilesServlet.class.getClassLoader(),
            java.util.ResourceBundle.Control.getNoFallbackControl(
                java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
        .getString(key);
  }

  private static String rest(HttpServletRequest request) {
    return request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
  }
}
