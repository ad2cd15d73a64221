package org.opendvc.portal.shared;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Tells a failure caused by the database being out of reach (down, hanging, every pooled connection
 * stuck) from any other: such a request may succeed when tried again a little later, so it is
 * answered 503 with {@code Retry-After}, not 500.
 */
public final class DatabaseUnavailable {

  /** Seconds a client is asked to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 10;

  private DatabaseUnavailable() {}

  /** Whether the failure, or any of its causes, is the database being out of reach. */
  public static boolean causedBy(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof SQLTimeoutException) {
        return true;
      }
      String name = t.getClass().getName();
      if (name.endsWith(".CommunicationsException")
          || name.endsWith(".PoolingException")
          || name.endsWith(".ResourceAllocationException")) {
        return true;
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("error in allocating a connection")
          || message.contains("communications link failure")) {
        return true;
      }
    }
    return false;
  }
}
