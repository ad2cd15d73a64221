package org.opendvc.portal.infrastructure.files;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.opendvc.portal.dossier.attachment.FileStore;

/**
 * Dossier files in the folder {@code files/} of the data directory ({@code portal.data.dir},
 * environment {@code PORTAL_DATA_DIR}, default {@code ./data}): each under a random 128-bit hex
 * key, in a sub-folder named by the key's first two characters; uploads in progress in {@code
 * files/tmp/}. In a cluster the data directory must be shared storage.
 */
@ApplicationScoped
public class LocalFileStore implements FileStore {

  private static final Logger LOG = Logger.getLogger(LocalFileStore.class.getName());
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private volatile Path root;

  /** The folder of the stored files. */
  public Path root() {
    Path r = root;
    if (r == null) {
      String dir =
          ConfigProvider.getConfig(LocalFileStore.class.getClassLoader())
              .getOptionalValue("portal.data.dir", String.class)
              .orElse("./data");
      r = Path.of(dir).toAbsolutePath().normalize().resolve("files");
      root = r;
    }
    return r;
  }

  @Override
  public Path newTempFile() throws IOException {
    Path tmp = Files.createDirectories(root().resolve("tmp"));
    return Files.createTempFile(tmp, "upload-", ".part");
  }

  @Override
  public String adopt(Path temp) throws IOException {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String key = HexFormat.of().formatHex(bytes);
    Path target = path(key);
    Files.createDirectories(target.getParent());
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    return key;
  }

  @Override
  public InputStream open(String key) throws IOException {
    return Files.newInputStream(path(key));
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(path(key));
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot delete stored file " + key, e);
    }
  }

  @Override
  public void forEachKeyOlderThan(java.time.Instant moment, java.util.function.Consumer<String> key)
      throws IOException {
    if (!Files.isDirectory(root())) {
      return;
    }
    try (var folders =
        Files.newDirectoryStream(
            root(),
            p -> p.getFileName().toString().matches("[0-9a-f]{2}") && Files.isDirectory(p))) {
      for (Path folder : folders) {
        try (var files = Files.newDirectoryStream(folder)) {
          for (Path file : files) {
            String name = file.getFileName().toString();
            if (KEY.matcher(name).matches()
                && Files.getLastModifiedTime(file).toInstant().isBefore(moment)) {
              key.accept(name);
            }
          }
        }
      }
    }
  }

  @Override
  public int deleteTempFilesOlderThan(java.time.Instant moment) throws IOException {
    Path tmp = root().resolve("tmp");
    if (!Files.isDirectory(tmp)) {
      return 0;
    }
    int deleted = 0;
    try (var files = Files.newDirectoryStream(tmp, "*.part")) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(moment)
            && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  private Path path(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a storage key");
    }
    return root().resolve(key.substring(0, 2)).resolve(key);
  }
}
