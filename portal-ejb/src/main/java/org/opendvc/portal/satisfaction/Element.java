package org.opendvc.portal.satisfaction;

/** The five elements of a SIPAS rating, in the order they are asked and published. */
public enum Element {
  /** Access to the public service. */
  ACCESS,
  /** The administrative procedure itself. */
  PROCEDURE,
  /** The officer who received and handled the dossier. */
  OFFICER,
  /** The result. */
  RESULT,
  /** How the agency received and handled feedback. */
  FEEDBACK;

  /** The name in the API and the message bundles: {@code access}, {@code procedure}... */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
