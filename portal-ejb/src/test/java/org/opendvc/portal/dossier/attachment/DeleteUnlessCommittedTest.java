package org.opendvc.portal.dossier.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored file outlives its transaction only when the transaction commits. */
class DeleteUnlessCommittedTest {

  private final List<String> deleted = new ArrayList<>();

  private final FileStore store =
      new FileStore() {
        @Override
        public Path newTempFile() {
          throw new UnsupportedOperationException();
        }

        @Override
        public String adopt(Path temp) {
          throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(String key) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
          deleted.add(key);
        }

        @Override
        public void forEachKeyOlderThan(
            java.time.Instant moment, java.util.function.Consumer<String> key) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int deleteTempFilesOlderThan(java.time.Instant moment) {
          throw new UnsupportedOperationException();
        }
      };

  @Test
  void keepsTheFileOnCommitOnly() {
    DeleteUnlessCommitted sync = new DeleteUnlessCommitted(store, "k1");
    sync.beforeCompletion();
    sync.afterCompletion(Status.STATUS_COMMITTED);
    assertEquals(List.of(), deleted);
    for (int status :
        new int[] {
          Status.STATUS_ROLLEDBACK, Status.STATUS_UNKNOWN, Status.STATUS_MARKED_ROLLBACK
        }) {
      new DeleteUnlessCommitted(store, "k" + status).afterCompletion(status);
    }
    assertEquals(3, deleted.size());
  }
}
