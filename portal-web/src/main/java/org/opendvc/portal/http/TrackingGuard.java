package org.opendvc.portal.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.opendvc.portal.shared.AttemptLimiter;

/**
 * Slows down whoever guesses dossier codes or ID numbers. After too many failed lookups within a
 * window a client address waits until the oldest failure leaves the window ({@code
 * portal.tracking.max.failures}, default 10, in {@code portal.tracking.window.seconds}, default
 * 600); and a dossier code that many addresses together fail on waits likewise ({@code
 * portal.tracking.code.max.failures}, default 30, in {@code portal.tracking.code.window.seconds},
 * default 600), so that spreading the guesses of one code's ID number over many addresses gains
 * little. Kept per node, in memory.
 */
@ApplicationScoped
public class TrackingGuard {

  private AttemptLimiter byClient;
  private AttemptLimiter byCode;

  public TrackingGuard() {}

  /** A guard with the given limits (tests). */
  TrackingGuard(AttemptLimiter byClient, AttemptLimiter byCode) {
    this.byClient = byClient;
    this.byCode = byCode;
  }

  @PostConstruct
  void init() {
    byClient = AttemptLimiter.configured("portal.tracking", 10, 600);
    byCode = AttemptLimiter.configured("portal.tracking.code", 30, 600);
  }

  /** Seconds the client must wait before its next lookup of this code; 0 when it may go on. */
  public long secondsToWait(String client, String code) {
    return Math.max(byClient.secondsToWait(client), byCode.secondsToWait(key(code)));
  }

  public void failed(String client, String code) {
    byClient.failed(client);
    byCode.failed(key(code));
  }

  private static String key(String code) {
    return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
  }
}
