package org.opendvc.portal.shared;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether this node reaches its database, known without asking it: every second a trivial query is
 * sent on a thread of its own (not a shared executor's, whose threads may be the very ones stuck on
 * the database). When one has not answered within {@link #TIMEOUT_MILLIS} (the database hangs) or
 * fails (it is down), the database counts as out of reach, and requests are answered 503 at once
 * instead of each waiting for the connection's own timeouts; the first query that answers again
 * makes it reachable, with no restart.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseWatch {

  private static final Logger LOG = Logger.getLogger(DatabaseWatch.class.getName());

  /** How long a query may go unanswered before the database counts as out of reach. */
  public static final long TIMEOUT_MILLIS = 3_000;

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Resource private ManagedThreadFactory threads;

  private volatile boolean reachable = true;
  private volatile boolean running;
  private volatile Thread pending;
  private volatile long pendingSince;
  private Thread watcher;

  @PostConstruct
  void start() {
    running = true;
    watcher = threads.newThread(this::watch);
    watcher.setName("portal-database-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    if (watcher != null) {
      watcher.interrupt();
    }
  }

  private void watch() {
    while (running) {
      try {
        Thread.sleep(1_000);
        check();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warning(() -> "Database watch: " + e);
      }
    }
  }

  /** Whether the database answered the last check in time. */
  public boolean reachable() {
    return reachable;
  }

  private void check() {
    Thread inFlight = pending;
    if (inFlight != null && inFlight.isAlive()) {
      if (System.nanoTime() - pendingSince > TIMEOUT_MILLIS * 1_000_000) {
        mark(false, "no answer within " + TIMEOUT_MILLIS + " ms");
      }
      return;
    }
    pendingSince = System.nanoTime();
    Thread ping = threads.newThread(this::ping);
    ping.setName("portal-database-ping");
    ping.setDaemon(true);
    pending = ping;
    ping.start();
  }

  private void ping() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1");
        ResultSet r = s.executeQuery()) {
      r.next();
      mark(true, null);
    } catch (Exception e) {
      mark(false, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void mark(boolean now, String why) {
    if (reachable != now) {
      reachable = now;
      if (now) {
        LOG.warning("Database reachable again; requests are served");
      } else {
        LOG.warning(() -> "Database out of reach (" + why + "); requests get 503 until it answers");
      }
    }
  }
}
