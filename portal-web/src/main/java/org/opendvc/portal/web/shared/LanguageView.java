package org.opendvc.portal.web.shared;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The page's language ({@code <html lang>}, {@code <f:view locale>}) and the link that switches to
 * the other one on the same address.
 */
@Named("language")
@RequestScoped
public class LanguageView {

  @Inject private HttpServletRequest request;

  private Locale locale;

  @PostConstruct
  void resolve() {
    locale = Language.of(request);
  }

  public Locale getLocale() {
    return locale;
  }

  /** The BCP 47 tag of the page language: "vi" or "en". */
  public String getTag() {
    return locale.getLanguage();
  }

  public boolean isEnglish() {
    return "en".equals(getTag());
  }

  /** The tag of the language the switch link leads to. */
  public String getOtherTag() {
    return isEnglish() ? "vi" : "en";
  }

  /** This page's address with {@code lang} set to the other language. */
  public String getSwitchUrl() {
    String path = attribute(PageAddress.ORIGINAL_PATH);
    String query = attribute(PageAddress.ORIGINAL_QUERY);
    if (path == null) {
      Object errorUri = request.getAttribute("jakarta.servlet.error.request_uri");
      path = errorUri != null ? errorUri.toString() : request.getRequestURI();
      query = request.getQueryString();
    }
    // never "//host/...": that would be a link to another site
    StringBuilder url = new StringBuilder("/" + path.replaceFirst("^/+", ""));
    String sep = "?";
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()
            || pair.equals(Language.PARAM)
            || pair.startsWith(Language.PARAM + "=")) {
          continue;
        }
        url.append(sep).append(pair);
        sep = "&";
      }
    }
    url.append(sep)
        .append(Language.PARAM)
        .append('=')
        .append(URLEncoder.encode(getOtherTag(), StandardCharsets.UTF_8));
    return url.toString();
  }

  private String attribute(String name) {
    Object value = request.getAttribute(name);
    return value == null ? null : value.toString();
  }
}
