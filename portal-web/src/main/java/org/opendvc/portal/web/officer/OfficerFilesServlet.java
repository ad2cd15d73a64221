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
import org.opendvc.portal.api.MultipartStream;
import org.opendvc.portal.api.dossier.AttachmentDownload;
import org.opendvc.portal.api.dossier.AttachmentUpload;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.dossier.attachment.AttachmentRefusedException;
import org.opendvc.portal.dossier.attachment.AttachmentService;
import org.opendvc.portal.dossier.attachment.FileStore;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.account.Sessions;
import org.opendvc.portal.web.account.SignedIn;
import org.opendvc.portal.web.shared.Language;

/**
 * The files of a dossier for the officers of the agency handling it, on the page session:
 *
 * <ul>
 *   <li>{@code GET /officer/files/{code}/{id}}: one file, the same bytes and headers as {@code GET
 *       /api/v1/dossiers/{code}/attachments/{id}} ({@link AttachmentDownload});
 *   <li>{@code POST /officer/files/{code}}: the dossier page's upload form (multipart/form-data:
 *       the form token first, then {@code target} = {@code RESULT} or a component's number, then
 *       {@code file}), read as it arrives by the API's own reader ({@link AttachmentUpload}) and
 *       recorded by {@link AttachmentService} with the same limits and checks. The browser goes
 *       back to the dossier page (303) where the outcome, or why the file was refused, is shown
 *       once.
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

  /** A post that does not carry the session's form token. */
  private static final class Untrusted extends RuntimeException {
    Untrusted() {
      super("form token missing or wrong", null, false, false);
    }
  }

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
    Locale locale = Language.of(request);
    Flash flash;
    InputStream body = request.getInputStream();
    Optional<String> boundary = MultipartStream.boundary(request.getContentType());
    if (boundary.isEmpty()) {
      flash = refused(code, Messages.get(locale, "attachment.malformed", "multipart/form-data"));
    } else {
      flash = receive(code, body, boundary.get(), signedIn.get(), locale);
    }
    if (flash != null) {
      request.getSession().setAttribute(FLASH, flash);
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/officer/dossiers/" + code
        + "#files");
  }

  /** Reads and records the upload; the outcome to show, or null for a forged post. */
  private Flash receive(String code, InputStream body, String boundary, SignedIn signedIn,
      Locale locale) {
    String name = null;
    try (AttachmentUpload upload = AttachmentUpload.read(body, boundary,
        attachments.limits().maxBytes(), store, Set.of(CurrentUser.TOKEN_FIELD, "target"),
        fields -> {
          if (!signedIn.acceptsFormToken(fields.get(CurrentUser.TOKEN_FIELD))) {
            throw new Untrusted();
          }
        })) {
      if (!signedIn.acceptsFormToken(upload.field(CurrentUser.TOKEN_FIELD))) {
        throw new Untrusted();
      }
      name = upload.file().declaredName();
      String target = upload.field("target");
      if (target == null || target.isBlank()) {
        return new Flash(code, false, "officer.files.noTarget", null);
      }
      boolean result = "RESULT".equals(target);
      attachments.add(code, upload.toNew(result ? null : target, result ? "RESULT" : null),
          signedIn.caller());
      return new Flash(code, true, result ? "officer.files.resultAdded" : "officer.files.added",
          name);
    } catch (Untrusted e) {
      AttachmentUpload.drain(body);
      return null;
    } catch (AttachmentRefusedException e) {
      AttachmentUpload.drain(body);
      if (e.reason() == AttachmentRefusedException.Reason.EMPTY && (name == null
          || name.isBlank())) {
        return new Flash(code, false, "officer.files.noFile", null);
      }
      return refused(code, Messages.get(locale, e.messageKey(), e.args()));
    } catch (InvalidInputException e) {
      AttachmentUpload.drain(body);
      boolean noFile = e.problems().stream().anyMatch(p -> "attachment.fileMissing"
          .equals(p.messageKey()));
      if (noFile) {
        return new Flash(code, false, "officer.files.noFile", null);
      }
      return refused(code, e.problems().stream()
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
