package org.opendvc.portal.feedback;

/** Where a feedback stands. */
public enum FeedbackStatus {
  /** Received; the agency must refuse it or answer it. */
  RECEIVED,
  /** Refused by the agency (not its to handle), with the reason. */
  REFUSED,
  /** Answered; the answer is not published yet. */
  ANSWERED,
  /** Answered and published. */
  PUBLISHED
}
