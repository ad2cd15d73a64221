package org.opendvc.portal.infrastructure.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed for want of the database up to three times, five seconds
 * apart, so a request started as the database goes away would wait for it; the portal answers such
 * a request 503 at once instead ({@code DatabaseWatch}). One immediate retry is kept: it is what
 * replaces a pooled connection that a database restart left dead.
 */
public class FailFast implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(1);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
