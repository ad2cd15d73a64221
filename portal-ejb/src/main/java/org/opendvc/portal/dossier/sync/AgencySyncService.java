package org.opendvc.portal.dossier.sync;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * Publishes a batch of dossiers from an agency's own case software: each record in a transaction of
 * its own ({@link PublishedDossierWriter}), so a bad record never undoes the good ones and is never
 * half stored, and the batch always runs to its end. A record that loses a race with another
 * request for the same dossier (the same new code, the same next number) is tried once more, and
 * then finds what the other stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgencySyncService {

  private static final Logger LOG = Logger.getLogger(AgencySyncService.class.getName());

  @EJB private PublishedDossierWriter writer;

  /** What became of each record, in the order given. */
  public List<SyncResult> publish(List<PublishedDossier> records, Publisher publisher) {
    List<SyncResult> results = new ArrayList<>(records.size());
    for (PublishedDossier r : records) {
      results.add(publishOne(r, publisher));
    }
    return results;
  }

  private SyncResult publishOne(PublishedDossier r, Publisher publisher) {
    for (int attempt = 1; ; attempt++) {
      try {
        return SyncResult.of(writer.write(r, publisher));
      } catch (InvalidInputException e) {
        return SyncResult.rejected(e.problems());
      } catch (RuntimeException e) {
        if (attempt == 1) {
          LOG.log(Level.FINE, "record " + r.code() + " failed, trying once more", e);
          continue;
        }
        LOG.log(
            Level.WARNING,
            "Agency sync by "
                + publisher.username()
                + ": dossier "
                + r.code()
                + " could not be stored",
            e);
        return SyncResult.rejected(
            List.of(new FieldProblem("record", "import.storeFailed", rootMessage(e))));
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
