package org.opendvc.portal.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendvc.portal.shared.AttemptLimiter;

/**
 * The node's memory of failed sign-ins. A user name is locked after a few failures (someone is
 * guessing that person's password); a client address only after many, because a whole one-stop
 * desk or school may share one address.
 */
@ApplicationScoped
public class LoginThrottle {

  @Inject
  @ConfigProperty(name = "portal.login.max.failures", defaultValue = "10")
  private int maxPerName;

  @Inject
  @ConfigProperty(name = "portal.login.max.failures.per.client", defaultValue = "100")
  private int maxPerClient;

  @Inject
  @ConfigProperty(name = "portal.login.window.seconds", defaultValue = "900")
  private long windowSeconds;

  private AttemptLimiter byName;
  private AttemptLimiter byClient;

  @PostConstruct
  void init() {
    byName = new AttemptLimiter(maxPerName, windowSeconds);
    byClient = new AttemptLimiter(maxPerClient, windowSeconds);
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
