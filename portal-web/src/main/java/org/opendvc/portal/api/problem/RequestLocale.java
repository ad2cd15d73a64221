package org.opendvc.portal.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.shared.Messages;

/** The language of a request's messages: English when asked for first, Vietnamese otherwise. */
public final class RequestLocale {

  private RequestLocale() {}

  public static Locale of(HttpHeaders headers) {
    if (headers == null) {
      return Messages.VIETNAMESE;
    }
    try {
      List<Locale> wanted = headers.getAcceptableLanguages();
      for (Locale l : wanted) {
        if ("vi".equals(l.getLanguage()) || "en".equals(l.getLanguage())) {
          return Messages.supported(l);
        }
      }
    } catch (RuntimeException e) {
      // an unreadable Accept-Language header: use the default
    }
    return Messages.VIETNAMESE;
  }
}
