package org.opendvc.portal.web.shared;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.opendvc.portal.shared.Messages;

/**
 * The language of a page: Vietnamese unless the visitor chose English, by the query parameter
 * {@code lang} (which the filter also remembers in a cookie) or by that cookie. The language is not
 * part of a page's address, so printed links and QR codes stay the same in both languages.
 */
public final class Language {

  public static final String PARAM = "lang";
  public static final String COOKIE = "portal_lang";
  public static final int COOKIE_MAX_AGE = 365 * 24 * 3600;

  private Language() {}

  /** The supported language a tag names ("vi", "en", "EN"), if it names one. */
  public static Optional<Locale> fromTag(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    return switch (tag.strip().toLowerCase(Locale.ROOT)) {
      case "vi" -> Optional.of(Messages.VIETNAMESE);
      case "en" -> Optional.of(Locale.ENGLISH);
      default -> Optional.empty();
    };
  }

  /** The language of this request: the parameter first, then the cookie, then Vietnamese. */
  public static Locale of(HttpServletRequest request) {
    return choose(request.getParameter(PARAM), cookieValue(request));
  }

  /**
   * The language of the cookie alone, else Vietnamese: for answers given before any parameter may
   * be read (reading one would parse a posted body).
   */
  public static Locale fromCookie(HttpServletRequest request) {
    return choose(null, cookieValue(request));
  }

  /**
   * The language chosen by a parameter's tag, else by a cookie's, else Vietnamese; a tag that names
   * no supported language counts as none.
   */
  public static Locale choose(String parameter, String cookie) {
    return fromTag(parameter).or(() -> fromTag(cookie)).orElse(Messages.VIETNAMESE);
  }

  /** The value of the first language cookie that names a language, else null. */
  private static String cookieValue(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (COOKIE.equals(c.getName()) && fromTag(c.getValue()).isPresent()) {
          return c.getValue();
        }
      }
    }
    return null;
  }
}
