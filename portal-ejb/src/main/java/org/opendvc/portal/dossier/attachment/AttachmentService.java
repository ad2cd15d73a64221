package org.opendvc.portal.dossier.attachment;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.opendvc.portal.dossier.AccessPolicy;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.EForm;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;

/**
 * Files of dossiers: who may add which file when, what is kept of it, and who may read it.
 *
 * <ul>
 *   <li>The owner adds papers of the dossier components while the dossier is receiving (1) or
 *       waiting for a supplement (5).
 *   <li>Officers of the agency handling the dossier add component papers and result documents while
 *       its processing has not ended (1, 2, 4, 5, 6).
 *   <li>Whoever may see the dossier may read its files, except that the owner sees result documents
 *       only once the dossier is finished (8, 9, 10).
 * </ul>
 *
 * A stored file belongs to the transaction that records it: when that transaction does not commit,
 * the file is deleted.
 */
@Stateless
public class AttachmentService {

  static final Set<DossierStatus> OWNER_UPLOADS =
      EnumSet.of(DossierStatus.RECEIVING, DossierStatus.WAITING);
  static final Set<DossierStatus> OFFICER_UPLOADS =
      EnumSet.of(
          DossierStatus.RECEIVING,
          DossierStatus.NEW,
          DossierStatus.PROCESSING,
          DossierStatus.WAITING,
          DossierStatus.PAYING);
  static final Set<DossierStatus> RESULTS_RELEASED =
      EnumSet.of(DossierStatus.UNRESOLVED, DossierStatus.RELEASING, DossierStatus.DONE);

  @PersistenceContext private EntityManager em;
  @EJB private DossierService dossiers;
  @Inject private FileStore store;
  @Inject private UploadRate rate;
  @Inject private Clock clock;

  @Resource private TransactionSynchronizationRegistry transactions;

  /** Whether officers of the handling agency may add files to a dossier in this status. */
  public static boolean officerMayUpload(DossierStatus status) {
    return OFFICER_UPLOADS.contains(status);
  }

  /** The configured limits (read each time: cheap, and follows configuration changes). */
  public UploadLimits limits() {
    Config config = ConfigProvider.getConfig(AttachmentService.class.getClassLoader());
    long max =
        config
            .getOptionalValue("portal.upload.max.bytes", Long.class)
            .orElse(UploadLimits.DEFAULT_MAX_BYTES);
    String types =
        config
            .getOptionalValue("portal.upload.types", String.class)
            .orElse(UploadLimits.DEFAULT_TYPES);
    return UploadLimits.of(max, types);
  }

  /**
   * Checks, before a file is received, that the caller may see the dossier at all (404 as for an
   * unknown code otherwise), so that strangers' bytes are not even written.
   */
  public void checkVisible(String code, Caller caller) {
    dossiers.get(code, caller);
  }

  /**
   * Receives a dossier together with the files of its components, all or nothing: the dossier
   * counts the components with a file as attached (a required component must be attached or
   * promised, see {@link DossierService#submit}), and when the dossier or any file is refused,
   * neither the dossier nor any file is kept.
   *
   * @param files received files by component number
   */
  public Dossier submitWithFiles(
      org.opendvc.portal.dossier.SubmitCommand cmd,
      java.util.Map<Integer, ReceivedFile> files,
      Caller caller) {
    Dossier d = dossiers.submit(cmd.withAttached(List.copyOf(files.keySet())), caller);
    String code = d.code().toString();
    for (var e : new java.util.TreeMap<>(files).entrySet()) {
      add(code, new NewAttachment(e.getValue(), Integer.toString(e.getKey()), null), caller);
    }
    return d;
  }

  /** Records a received file on a dossier, or refuses it; the temporary file is adopted or left. */
  public Attachment add(String code, NewAttachment upload, Caller caller) {
    Dossier d = dossiers.get(code, caller);
    boolean result = upload.kind() != null && !upload.kind().isBlank();
    boolean component = upload.component() != null && !upload.component().isBlank();
    if (result == component) {
      throw new InvalidInputException("component", "attachment.componentOrKind");
    }
    if (result && !"RESULT".equals(upload.kind().strip().toUpperCase(Locale.ROOT))) {
      throw new InvalidInputException("kind", "attachment.kindInvalid", upload.kind());
    }
    AttachmentKind kind = result ? AttachmentKind.RESULT : AttachmentKind.COMPONENT;
    boolean owner = AccessPolicy.isOwner(d, caller);
    boolean officer = AccessPolicy.handles(d, caller);
    DossierStatus status = d.status();
    if (kind == AttachmentKind.RESULT && !officer) {
      throw new ForbiddenException("attachment.resultByOfficer");
    }
    if (officer) {
      if (!OFFICER_UPLOADS.contains(status)) {
        throw new ActionRefusedException("attachment.officerStatus", status.code(), status.key());
      }
    } else if (owner) {
      if (!OWNER_UPLOADS.contains(status)) {
        throw new ActionRefusedException("attachment.ownerStatus", status.code(), status.key());
      }
    } else {
      throw new ForbiddenException("attachment.notAllowed");
    }
    EForm.Component part = null;
    if (kind == AttachmentKind.COMPONENT) {
      EForm form = EForm.of(d.procedure());
      int number;
      try {
        number = Integer.parseInt(upload.component().strip());
      } catch (NumberFormatException e) {
        number = -1;
      }
      part = form.component(number).orElse(null);
      if (part == null) {
        throw new AttachmentRefusedException(
            AttachmentRefusedException.Reason.UNKNOWN_COMPONENT,
            "attachment.unknownComponent",
            upload.component().strip(),
            form.components().size(),
            "/api/v1/procedures/" + d.procedure().code() + "/eform");
      }
    }
    ReceivedFile file = upload.file();
    FileType type = checkType(file, limits());
    checkQuota(d, file.size(), caller);
    String name = FileNames.sanitise(file.declaredName(), type);
    String key;
    try {
      key = store.adopt(file.temp());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store an upload", e);
    }
    deleteUnlessCommitted(key);
    Attachment a =
        new Attachment(
            d,
            kind,
            part == null ? null : part.number(),
            part == null ? null : part.name(),
            name,
            type,
            file.size(),
            file.sha256(),
            key,
            clock.instant().truncatedTo(ChronoUnit.SECONDS),
            caller.username());
    em.persist(a);
    em.flush();
    return a;
  }

  /**
   * Refuses a file the dossier has no room for ({@code portal.upload.dossier.max.files}, default
   * 40; {@code portal.upload.dossier.max.bytes}, default 100 MB), or one more from an applicant's
   * account that has sent too many in a short time ({@code portal.upload.rate.max.failures} in
   * {@code portal.upload.rate.window.seconds}, default 60 in 600). The dossier's row is locked
   * while its files are counted, so parallel uploads cannot together pass the limit.
   */
  private void checkQuota(Dossier d, long size, Caller caller) {
    if (caller.role() == Role.APPLICANT) {
      long wait = rate.secondsToWait(caller.username());
      if (wait > 0) {
        throw new AttachmentRefusedException(
            AttachmentRefusedException.Reason.TOO_FAST, "attachment.tooFast", wait);
      }
      rate.counted(caller.username());
    }
    Config config = ConfigProvider.getConfig(AttachmentService.class.getClassLoader());
    long maxFiles =
        config.getOptionalValue("portal.upload.dossier.max.files", Long.class).orElse(40L);
    long maxBytes =
        config
            .getOptionalValue("portal.upload.dossier.max.bytes", Long.class)
            .orElse(100L * 1024 * 1024);
    em.lock(d, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    Object[] held =
        em.createQuery(
                "SELECT COUNT(a), COALESCE(SUM(a.size), 0) FROM Attachment a"
                    + " WHERE a.dossier = :d",
                Object[].class)
            .setParameter("d", d)
            .getSingleResult();
    long files = ((Number) held[0]).longValue();
    long bytes = ((Number) held[1]).longValue();
    if (files >= maxFiles) {
      throw new AttachmentRefusedException(
          AttachmentRefusedException.Reason.DOSSIER_FULL, "attachment.dossierFiles", maxFiles);
    }
    if (bytes + size > maxBytes) {
      throw new AttachmentRefusedException(
          AttachmentRefusedException.Reason.DOSSIER_FULL,
          "attachment.dossierBytes",
          UploadLimits.of(maxBytes, "pdf").maxSizeText());
    }
  }

  /**
   * The type of a received file by its content; refused when it is not recognised or not accepted
   * (415), or when its declared type or name claims another type (422).
   */
  static FileType checkType(ReceivedFile file, UploadLimits limits) {
    FileType type = file.sniffed().orElse(null);
    if (type == null || !limits.allows(type)) {
      throw new AttachmentRefusedException(
          AttachmentRefusedException.Reason.TYPE_NOT_ACCEPTED,
          "attachment.typeNotAccepted",
          limits.typeNames());
    }
    Optional<FileType> declared = FileType.ofMediaType(file.declaredType());
    Optional<FileType> byName = FileType.ofFileName(file.declaredName());
    boolean genericType =
        file.declaredType() == null
            || file.declaredType().toLowerCase(Locale.ROOT).startsWith("application/octet-stream");
    if ((!genericType && declared.map(t -> t != type).orElse(true))
        || byName.map(t -> t != type).orElse(false)) {
      String claimed =
          declared
              .map(Enum::name)
              .orElse(byName.map(Enum::name).orElse(String.valueOf(file.declaredType())));
      throw new AttachmentRefusedException(
          AttachmentRefusedException.Reason.CONTENT_MISMATCH,
          "attachment.contentMismatch",
          claimed,
          type.name());
    }
    return type;
  }

  /** The files of a dossier the caller may see, in upload order. */
  public List<Attachment> list(String code, Caller caller) {
    return visible(dossiers.get(code, caller), caller);
  }

  /** The files of a dossier (which the caller may see) that the caller may read. */
  public List<Attachment> visible(Dossier d, Caller caller) {
    boolean hideResults = AccessPolicy.isOwner(d, caller) && !RESULTS_RELEASED.contains(d.status());
    return em
        .createQuery(
            "SELECT a FROM Attachment a WHERE a.dossier = :d ORDER BY a.id", Attachment.class)
        .setParameter("d", d)
        .getResultList()
        .stream()
        .filter(a -> !(hideResults && a.kind() == AttachmentKind.RESULT))
        .toList();
  }

  /** One file the caller may read, with a way to open its bytes; 404 otherwise. */
  public Download download(String code, String id, Caller caller) {
    Dossier d = dossiers.get(code, caller);
    long fileId;
    try {
      fileId = Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      throw new NotFoundException("attachment.notFound", id);
    }
    Attachment a =
        visible(d, caller).stream()
            .filter(x -> x.id() == fileId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("attachment.notFound", id));
    String key = a.storageKey();
    return new Download(a.fileName(), a.contentType(), a.size(), a.sha256(), () -> store.open(key));
  }

  /** A file to send: its name, type, size, checksum and its bytes. */
  public record Download(
      String fileName, String contentType, long size, String sha256, Opener bytes) {}

  /** Opens the stored bytes. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /** Deletes the stored file when the current transaction rolls back or fails. */
  private void deleteUnlessCommitted(String key) {
    transactions.registerInterposedSynchronization(new DeleteUnlessCommitted(store, key));
  }
}
