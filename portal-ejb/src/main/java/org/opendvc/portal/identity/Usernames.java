package org.opendvc.portal.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one canonical form of a user name, used wherever a name is looked up or counted: trimmed,
 * lower case, and made of ASCII letters, digits and {@code . _ - @ +} only (user names chosen by an
 * administrator and e-mail addresses alike). Anything else names no account: the database compares
 * names without regard to case or accents, so {@code ädmin} would otherwise find {@code admin}
 * while every limit keyed on the typed name counted it apart.
 */
public final class Usernames {

  private static final Pattern CANONICAL = Pattern.compile("[a-z0-9._@+-]{3,254}");

  private Usernames() {}

  /** The canonical form, or empty when the text cannot be anyone's user name. */
  public static Optional<String> canonical(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String c = typed.strip().toLowerCase(Locale.ROOT);
    return CANONICAL.matcher(c).matches() ? Optional.of(c) : Optional.empty();
  }
}
