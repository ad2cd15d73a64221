package org.opendvc.portal.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.opendvc.portal.shared.AttemptLimiter;

/**
 * The node's memory of failed sign-ins. A user name is locked after a few failures (someone is
 * guessing that person's password: {@code portal.login.max.failures}, default 10, within
 * {@code portal.login.window.seconds}, default 900); a client address only after many
 * ({@code portal.login.client.max.failures}, default 100), because a whole one-stop desk or
 * school may share one address.
 */
@ApplicationScoped
public class LoginThrottle {

  private AttemptLimiter byName;
  private AttemptLimiter byClient;

  @PostConstruct
  void init() {
    byName = AttemptLimiter.configured("portal.login", 10, 900);
    byClient = AttemptLimiter.configured("portal.login.client", 100, 900);
  }

  long secondsToWait(String client, String username) {
    return Math.max(byClient.secondsToWait(client), byName.secondsToWait(key(username)));
  }

  void failed(String client, String username) {
    byClient.failed(client);
    byName.failed(key(username));
  }

  void succeeded(String username) {
    byName.succeeded(key(username));
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
