package org.opendvc.portal.web.applicant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.dossier.attachment.AttachmentRefusedException;
import org.opendvc.portal.dossier.attachment.AttachmentService;
import org.opendvc.portal.dossier.attachment.FileIntake;
import org.opendvc.portal.dossier.attachment.FileStore;
import org.opendvc.portal.dossier.attachment.NewAttachment;
import org.opendvc.portal.dossier.attachment.ReceivedFile;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;

/**
 * Adds a file posted from one of the applicant's forms to a dossier component, through the same
 * intake and checks as the API ({@link FileIntake}, {@link AttachmentService}): the answer is
 * empty on success, or the readable reason it was refused.
 */
@ApplicationScoped
public class FileUploads {

  @Inject private AttachmentService attachments;
  @Inject private FileStore store;

  /** Whether a multipart part carries a chosen file (an empty file input sends a nameless part). */
  static boolean chosen(Part part) {
    return part != null && part.getSubmittedFileName() != null
        && !part.getSubmittedFileName().isBlank();
  }

  /** Adds the file to component {@code number} of the dossier; empty, or why it was refused. */
  public Optional<String> add(String code, int number, Part part, Caller caller, Locale locale) {
    ReceivedFile file = null;
    String name = part.getSubmittedFileName();
    try (InputStream in = part.getInputStream()) {
      file = FileIntake.receive(in, attachments.limits().maxBytes(), store, name,
          part.getContentType());
      attachments.add(code, new NewAttachment(file, Integer.toString(number), null), caller);
      return Optional.empty();
    } catch (AttachmentRefusedException e) {
      return Optional.of(refused(name, Messages.get(locale, e.messageKey(), e.args()), locale));
    } catch (ActionRefusedException e) {
      return Optional.of(refused(name, Messages.get(locale, e.messageKey(), e.args()), locale));
    } catch (ForbiddenException e) {
      return Optional.of(refused(name, Messages.get(locale, e.messageKey()), locale));
    } catch (InvalidInputException e) {
      StringBuilder why = new StringBuilder();
      for (FieldProblem p : e.problems()) {
        why.append(why.length() == 0 ? "" : " ").append(Messages.get(locale, p.messageKey(),
            p.args()));
      }
      return Optional.of(refused(name, why.toString(), locale));
    } catch (IOException e) {
      return Optional.of(refused(name, Messages.get(locale, "attachment.malformed",
          e.getMessage()), locale));
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file.temp());
        } catch (IOException e) {
          // a left-over temporary file is harmless
        }
      }
      try {
        part.delete();
      } catch (IOException e) {
        // the container removes it at the end of the request anyway
      }
    }
  }

  private static String refused(String fileName, String why, Locale locale) {
    return "\"" + (fileName == null ? "?" : fileName) + "\": " + why;
  }
}
