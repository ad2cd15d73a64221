package org.opendvc.portal.identity;

/**
 * A one-time code to send to a person who is creating an account: fired inside the transaction that
 * stores its hash, and sent only once that transaction commits. The plain code lives only in this
 * event and the message.
 */
public record VerificationCodeIssued(
    String email, String fullName, String code, String language, long validMinutes) {

  @Override
  public String toString() {
    return "VerificationCodeIssued[language=" + language + "]";
  }
}
