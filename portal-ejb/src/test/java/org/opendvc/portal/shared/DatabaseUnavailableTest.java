package org.opendvc.portal.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void connectionFailuresAnywhereInTheChainAreTheDatabaseOutOfReach() {
    assertTrue(DatabaseUnavailable.causedBy(new SQLNonTransientConnectionException("refused")));
    assertTrue(
        DatabaseUnavailable.causedBy(
            new PersistenceException(
                "flush",
                new RuntimeException(new SQLRecoverableException("socket read timed out")))));
    assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(new SQLTimeoutException())));
    // how the server's pool says that every connection is taken and the wait ran out
    assertTrue(
        DatabaseUnavailable.causedBy(
            new PersistenceException(
                new SQLException(
                    "Error in allocating a connection. Cause: In-use connections equal max-pool-size and"
                        + " expired max-wait-time. Cannot allocate more connections."))));
    assertTrue(
        DatabaseUnavailable.causedBy(
            new SQLException(
                "Communications link failure\n\nThe last packet sent successfully to the server was 0 ms ago.")));
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertFalse(DatabaseUnavailable.causedBy(new SQLIntegrityConstraintViolationException("dup")));
    assertFalse(
        DatabaseUnavailable.causedBy(
            new PersistenceException(
                new SQLSyntaxErrorException("You have an error in your SQL syntax"))));
    assertFalse(DatabaseUnavailable.causedBy(new IllegalArgumentException("x")));
    assertFalse(DatabaseUnavailable.causedBy(null));
  }

  @Test
  void aCyclicCauseChainEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertFalse(DatabaseUnavailable.causedBy(a));
  }
}
