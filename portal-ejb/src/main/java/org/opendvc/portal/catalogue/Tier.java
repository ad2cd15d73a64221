package org.opendvc.portal.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.opendvc.portal.shared.TextFolding;

/**
 * A tier (cấp) of government that implements procedures. The district tier exists only in the
 * agency trees from before July 2025; the tree itself is data, so both shapes load.
 */
public enum Tier {
  MINISTRY("cap bo"),
  PROVINCE("cap tinh"),
  DISTRICT("cap huyen"),
  COMMUNE("cap xa"),
  OTHER("co quan khac");

  private final String feedName;

  Tier(String feedName) {
    this.feedName = feedName;
  }

  /** The tier named as the national feed names it ("Cấp Tỉnh", "Cấp Xã"...), if it is one. */
  public static Optional<Tier> fromFeedName(String name) {
    String folded = TextFolding.fold(name).trim().replaceAll("\\s+", " ");
    return Arrays.stream(values()).filter(t -> t.feedName.equals(folded)).findFirst();
  }

  /** The tier given by its API name, in any case ("province", "PROVINCE"). */
  public static Optional<Tier> fromKey(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String upper = key.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.name().equals(upper)).findFirst();
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String messageKey() {
    return "tier." + key();
  }
}
