package org.opendvc.portal.dossier.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where dossier files are kept, by a random key that says nothing about the file or its sender.
 * Uploads are first written to a temporary file of the store, then adopted under a new key.
 */
public interface FileStore {

  /** A new, empty temporary file beside the stored files (so adopting it is a rename). */
  Path newTempFile() throws IOException;

  /** Moves a temporary file into the store under a new random key, and answers the key. */
  String adopt(Path temp) throws IOException;

  /** The stored bytes of a key. */
  InputStream open(String key) throws IOException;

  /** Removes a stored file; quietly does nothing when it is not there. */
  void delete(String key);

  /** Calls back with the key of every stored file last written before the moment. */
  void forEachKeyOlderThan(java.time.Instant moment, java.util.function.Consumer<String> key)
      throws IOException;

  /** Removes the temporary files last written before the moment; answers how many. */
  int deleteTempFilesOlderThan(java.time.Instant moment) throws IOException;
}
