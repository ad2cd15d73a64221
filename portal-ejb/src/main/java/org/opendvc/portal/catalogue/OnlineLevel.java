package org.opendvc.portal.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The online service level (mức độ dịch vụ công trực tuyến) at which an agency offers a procedure.
 * Levels 2 to 4 follow Decree 43/2011; since Decree 42/2022 level 3 is called "một phần" (partly
 * online) and level 4 "toàn trình" (fully online). A further level is one more constant here and
 * its text in the message bundles.
 */
public enum OnlineLevel {
  LEVEL_2(2, false),
  LEVEL_3(3, true),
  LEVEL_4(4, true);

  private final int number;
  private final boolean onlineSubmission;

  OnlineLevel(int number, boolean onlineSubmission) {
    this.number = number;
    this.onlineSubmission = onlineSubmission;
  }

  public static Optional<OnlineLevel> of(int number) {
    return Arrays.stream(values()).filter(l -> l.number == number).findFirst();
  }

  public int number() {
    return number;
  }

  /** Whether a dossier may be submitted online at this level. */
  public boolean allowsOnlineSubmission() {
    return onlineSubmission;
  }

  /** Key of the Decree 43/2011 label ("Mức độ 3"). */
  public String messageKey() {
    return "level." + number;
  }

  /** Key of the Decree 42/2022 label ("Một phần"), or of the information-only label at level 2. */
  public String decree42MessageKey() {
    return "level." + number + ".decree42";
  }
}
