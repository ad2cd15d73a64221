package org.opendvc.portal.dossier.attachment;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.logging.Logger;

/**
 * Deletes a stored file when the transaction that recorded it ends in anything but a commit: a
 * rollback, a failed commit, or an unknown outcome (a file without its row is never kept).
 */
final class DeleteUnlessCommitted implements Synchronization {

  private static final Logger LOG = Logger.getLogger(DeleteUnlessCommitted.class.getName());

  private final FileStore store;
  private final String key;

  DeleteUnlessCommitted(FileStore store, String key) {
    this.store = store;
    this.key = key;
  }

  @Override
  public void beforeCompletion() {
    // the file is already in place; only the outcome matters
  }

  @Override
  public void afterCompletion(int status) {
    if (status != Status.STATUS_COMMITTED) {
      LOG.fine(() -> "Upload not recorded (transaction status " + status + "), deleting " + key);
      store.delete(key);
    }
  }
}
