package org.opendvc.portal.web.applicant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.dossier.attachment.AttachmentRefusedException;
import org.opendvc.portal.dossier.attachment.AttachmentService;
import org.opendvc.portal.dossier.attachment.FileStore;
import org.opendvc.portal.dossier.attachment.NewAttachment;
import org.opendvc.portal.http.MultipartForm;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.SignedIn;

/**
 * The applicant's forms with files: read as they arrive by the same reader and limits as the API
 * ({@link MultipartForm}; files are taken only after the session's form token), and each file added
 * to a dossier component through the same checks ({@link AttachmentService}): the answer is empty
 * on success, or the readable reason it was refused.
 */
@ApplicationScoped
public class FileUploads {

  @Inject private AttachmentService attachments;
  @Inject private FileStore store;

  /** Whether a request carries a {@code multipart/form-data} body. */
  static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /**
   * Reads a posted form whose parts {@code fileFields} are files.
   *
   * @throws InvalidInputException when the body is not a well-formed form within the limits
   * @throws AttachmentRefusedException when the whole body is too large
   */
  public MultipartForm read(
      HttpServletRequest request, Set<String> fileFields, Optional<SignedIn> signedIn)
      throws IOException {
    return MultipartForm.read(
        request,
        fileFields,
        attachments.limits().maxBytes(),
        store,
        fields ->
            signedIn.isPresent()
                && signedIn.get().acceptsFormToken(fields.get(CurrentUser.TOKEN_FIELD)));
  }

  /** Adds the file to component {@code number} of the dossier; empty, or why it was refused. */
  public Optional<String> add(
      String code, int number, MultipartForm.Upload upload, Caller caller, Locale locale) {
    String name = upload.declaredName();
    if (upload.refused() != null) {
      return Optional.of(refused(name, why(upload.refused(), locale)));
    }
    try {
      attachments.add(
          code, new NewAttachment(upload.file(), Integer.toString(number), null), caller);
      return Optional.empty();
    } catch (AttachmentRefusedException
        | ActionRefusedException
        | ForbiddenException
        | InvalidInputException e) {
      return Optional.of(refused(name, why(e, locale)));
    }
  }

  /** Why a file or a whole form was refused, for people. */
  static String why(RuntimeException e, Locale locale) {
    if (e instanceof AttachmentRefusedException r) {
      return Messages.get(locale, r.messageKey(), r.args());
    }
    if (e instanceof ActionRefusedException r) {
      return Messages.get(locale, r.messageKey(), r.args());
    }
    if (e instanceof ForbiddenException r) {
      return Messages.get(locale, r.messageKey());
    }
    if (e instanceof InvalidInputException r) {
      return r.problems().stream()
          .map(p -> Messages.get(locale, p.messageKey(), p.args()))
          .collect(Collectors.joining(" "));
    }
    throw e;
  }

  private static String refused(String fileName, String why) {
    return "\"" + (fileName == null || fileName.isBlank() ? "?" : fileName) + "\": " + why;
  }
}
