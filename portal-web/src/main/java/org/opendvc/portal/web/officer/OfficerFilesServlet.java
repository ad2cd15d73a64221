package org.opendvc.portal.web.officer;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.dossier.attachment.AttachmentRefusedException;
import org.opendvc.portal.dossier.attachment.AttachmentService;
import org.opendvc.portal.dossier.attachment.FileStore;
import org.opendvc.portal.dossier.attachment.NewAttachment;
import org.opendvc.portal.http.AttachmentDownload;
import org.opendvc.portal.http.MultipartForm;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.Language;
import org.opendvc.portal.web.shared.Sessions;
import org.opendvc.portal.web.shared.SignedIn;

/**
 * The files of a dossier for the officers of the agency handling it, on the page session:
 *
 * <ul>
 *   <li>{@code GET /officer/files/{code}/{id}}: one file, the same bytes and headers as {@code GET
 *       /api/v1/dossiers/{code}/attachments/{id}} ({@link AttachmentDownload});
 *   <li>{@code POST /officer/files/{code}}: the dossier page's upload form (multipart/form-data:
 *       the form token first, then {@code target} = {@code RESULT} or a component's number, then
 *       {@code file}), read as it arrives by the API's own reader ({@link MultipartForm}; no byte
 *       of the file is stored unless the token came first and is right) and recorded by {@link
 *       AttachmentService} with the same limits and checks. The browser goes back to the dossier
 *       page (303) where the outcome, or why the file was refused, is shown once.
 * </ul>
 *
 * Another agency's dossier, an unknown code or file: 404. A post without the session's form token
 * stores nothing and is sent back to the page.
 */
@WebServlet("/officer/files/*")
public class OfficerFilesServlet extends HttpServlet {

  /** Session attribute holding the outcome of the last upload, shown once by the dossier page. */
  static final String FLASH = OfficerFilesServlet.class.getName() + ".flash";

  private static final String CODE = "[A-Za-z0-9][A-Za-z0-9.]{0,39}-\\d{6}-\\d{4,5}";
  private static final Pattern UPLOAD = Pattern.compile("/(" + CODE + ")/?");
  private static final Pattern DOWNLOAD = Pattern.compile("/(" + CODE + ")/(\\d{1,18})");

  @Inject private AttachmentService attachments;
  @Inject private FileStore store;

  /** The outcome of an upload for the dossier page: a page text key and what fills it in. */
  public record Flash(String code, boolean ok, String key, String detail) implements Serializable {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<SignedIn> signedIn = officer(request);
    Matcher m = DOWNLOAD.matcher(path(request));
    if (signedIn.isEmpty() || !m.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    AttachmentService.Download d;
    try {
      d = attachments.download(m.group(1), m.group(2), signedIn.get().caller());
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    AttachmentDownload.send(d, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<SignedIn> signedIn = officer(request);
    Matcher m = UPLOAD.matcher(path(request));
    if (signedIn.isEmpty() || !m.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String code = m.group(1);
    Caller caller = signedIn.get().caller();
    try {
      attachments.checkVisible(code, caller);
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Flash flash = receive(code, request, signedIn.get(), Language.of(request));
    if (flash != null) {
      request.getSession().setAttribute(FLASH, flash);
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location", request.getContextPath() + "/officer/dossiers/" + code + "#files");
  }

  /** Reads and records the upload; the outcome to show, or null for a forged post. */
  private Flash receive(String code, HttpServletRequest request, SignedIn signedIn, Locale locale)
      throws IOException {
    InputStream body = request.getInputStream();
    try (MultipartForm form =
        MultipartForm.read(
            request,
            Set.of("file"),
            attachments.limits().maxBytes(),
            store,
            fields -> signedIn.acceptsFormToken(fields.get(CurrentUser.TOKEN_FIELD)))) {
      if (!signedIn.acceptsFormToken(form.field(CurrentUser.TOKEN_FIELD).orElse(null))) {
        return null;
      }
      Optional<MultipartForm.Upload> file = form.file("file").filter(MultipartForm.Upload::chosen);
      if (file.isEmpty()) {
        return new Flash(code, false, "officer.files.noFile", null);
      }
      AttachmentRefusedException refused = file.get().refused();
      if (refused != null) {
        return refused(code, Messages.get(locale, refused.messageKey(), refused.args()));
      }
      String target = form.field("target").map(String::strip).orElse("");
      if (target.isEmpty()) {
        return new Flash(code, false, "officer.files.noTarget", null);
      }
      boolean result = "RESULT".equals(target);
      attachments.add(
          code,
          new NewAttachment(file.get().file(), result ? null : target, result ? "RESULT" : null),
          signedIn.caller());
      return new Flash(
          code,
          true,
          result ? "officer.files.resultAdded" : "officer.files.added",
          file.get().declaredName());
    } catch (AttachmentRefusedException e) {
      MultipartForm.drain(body);
      return refused(code, Messages.get(locale, e.messageKey(), e.args()));
    } catch (InvalidInputException e) {
      MultipartForm.drain(body);
      return refused(
          code,
          e.problems().stream()
              .map(p -> Messages.get(locale, p.messageKey(), p.args()))
              .collect(Collectors.joining(" ")));
    } catch (ActionRefusedException e) {
      return refused(code, Messages.get(locale, e.messageKey(), e.args()));
    } catch (ForbiddenException e) {
      return refused(code, Messages.get(locale, e.messageKey()));
    } catch (IOException e) {
      return refused(code, Messages.get(locale, "attachment.malformed", e.getMessage()));
    }
  }

  private static Flash refused(String code, String why) {
    return new Flash(code, false, "officer.files.refused", why);
  }

  private static Optional<SignedIn> officer(HttpServletRequest request) {
    return Sessions.current(request).filter(SignedIn::isOfficer);
  }

  private static String path(HttpServletRequest request) {
    return request.getPathInfo() == null ? "" : request.getPathInfo();
  }
}
