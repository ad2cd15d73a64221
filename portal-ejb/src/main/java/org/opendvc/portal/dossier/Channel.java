package org.opendvc.portal.dossier;

/** How a dossier reached the agency: online (starts at status 1), at the counter or by post (2). */
public enum Channel {
  ONLINE,
  COUNTER,
  POST
}
