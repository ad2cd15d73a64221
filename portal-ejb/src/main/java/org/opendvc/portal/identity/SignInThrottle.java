package org.opendvc.portal.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.opendvc.portal.shared.AttemptLimiter;

/**
 * The node's memory of failed sign-ins, for the sign-in page and the token endpoint alike.
 *
 * <ul>
 *   <li>A user name from one client address must wait after a few failures (someone there is
 *       guessing that person's password: {@code portal.login.max.failures}, default 10, within
 *       {@code portal.login.window.seconds}, default 900). The name is taken in its canonical form
 *       ({@link Usernames}), so {@code ADMIN} or {@code admin } count as {@code admin}.
 *   <li>A client address must wait only after many failures over all names ({@code
 *       portal.login.client.max.failures}, default 100), because a whole one-stop desk or school
 *       may share one address.
 * </ul>
 *
 * There is deliberately no lock of a user name from everywhere: anyone could then lock an officer
 * out of work by guessing wrong ten times. A guesser is held to 10 tries per name and address and
 * 100 per address in each window.
 */
@ApplicationScoped
public class SignInThrottle {

  private AttemptLimiter byNameAndClient;
  private AttemptLimiter byClient;

  @PostConstruct
  void init() {
    byNameAndClient = AttemptLimiter.configured("portal.login", 10, 900);
    byClient = AttemptLimiter.configured("portal.login.client", 100, 900);
  }

  /** Seconds this client must wait before trying this name again; 0 when it may try now. */
  public long secondsToWait(String client, String username) {
    return Math.max(
        byClient.secondsToWait(client), byNameAndClient.secondsToWait(key(client, username)));
  }

  public void failed(String client, String username) {
    byClient.failed(client);
    byNameAndClient.failed(key(client, username));
  }

  public void succeeded(String client, String username) {
    byNameAndClient.succeeded(key(client, username));
  }

  private static String key(String client, String username) {
    return Usernames.canonical(username).orElse("?" + username) + "|" + client;
  }
}
