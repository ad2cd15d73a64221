package org.opendvc.portal.dossier.attachment;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.opendvc.portal.shared.AttemptLimiter;

/**
 * How many files each account sent lately, on this node: an account that sends more than {@code
 * portal.upload.rate.max.failures} files (default 60) within {@code
 * portal.upload.rate.window.seconds} (default 600) waits until the oldest leaves the window. A
 * person attaching a dossier's papers never comes near it; a script filling the disk does.
 */
@ApplicationScoped
public class UploadRate {

  private AttemptLimiter sent;

  @PostConstruct
  void init() {
    sent = AttemptLimiter.configured("portal.upload.rate", 60, 600);
  }

  /** Seconds the account must wait before its next file; 0 when it may send one now. */
  public long secondsToWait(String username) {
    return sent.secondsToWait(username);
  }

  /** Counts one file sent by the account. */
  public void counted(String username) {
    sent.failed(username);
  }
}
