package org.opendvc.portal.dossier.attachment;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the stored files and the file rows together after a crash. An upload is written to a
 * temporary file, moved into the store, and then its row commits; a node killed between those steps
 * leaves a temporary file, or a stored file without a row, that nothing refers to. The sweep
 * removes both once they are an hour old (long past any upload still in progress), a minute after
 * start-up and then every hour. A row whose file is missing is never created: the file is moved
 * into the store before its row is written.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FileSweep {

  private static final Logger LOG = Logger.getLogger(FileSweep.class.getName());

  /** How old a file without a row must be before it is removed. */
  static final Duration GRACE = Duration.ofHours(1);

  private static final int BATCH = 500;

  /** What one sweep removed. */
  public record Result(int orphanFiles, int tempFiles) {}

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Resource private TimerService timers;
  @Inject private FileStore store;
  @Inject private Clock clock;

  @PostConstruct
  void afterStart() {
    timers.createSingleActionTimer(
        Duration.ofMinutes(1).toMillis(), new TimerConfig("file sweep after start", false));
  }

  @Timeout
  void onStart() {
    sweepQuietly();
  }

  @Schedule(hour = "*", minute = "23", persistent = false)
  void hourly() {
    sweepQuietly();
  }

  private void sweepQuietly() {
    try {
      sweep(clock.instant().minus(GRACE));
    } catch (RuntimeException e) {
      LOG.warning(() -> "File sweep failed: " + e);
    }
  }

  /** Removes the stored files without a row and the temporary files older than the moment. */
  public Result sweep(Instant olderThan) {
    try {
      int temp = store.deleteTempFilesOlderThan(olderThan);
      AtomicInteger orphans = new AtomicInteger();
      List<String> batch = new ArrayList<>();
      store.forEachKeyOlderThan(
          olderThan,
          key -> {
            batch.add(key);
            if (batch.size() == BATCH) {
              orphans.addAndGet(removeOrphans(batch));
              batch.clear();
            }
          });
      orphans.addAndGet(removeOrphans(batch));
      Result result = new Result(orphans.get(), temp);
      if (result.orphanFiles() > 0 || result.tempFiles() > 0) {
        LOG.warning(
            () ->
                "File sweep removed "
                    + result.orphanFiles()
                    + " stored file(s) without"
                    + " a row and "
                    + result.tempFiles()
                    + " left-over upload(s)");
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sweep the stored files", e);
    }
  }

  private int removeOrphans(List<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    Set<String> known = new HashSet<>();
    String sql =
        "SELECT storage_key FROM dossier_file WHERE storage_key IN ("
            + String.join(",", java.util.Collections.nCopies(keys.size(), "?"))
            + ")";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < keys.size(); i++) {
        s.setString(i + 1, keys.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          known.add(r.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the file rows", e);
    }
    int removed = 0;
    for (String key : keys) {
      if (!known.contains(key)) {
        store.delete(key);
        removed++;
      }
    }
    return removed;
  }
}
