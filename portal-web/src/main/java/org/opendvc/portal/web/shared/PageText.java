package org.opendvc.portal.web.shared;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.opendvc.portal.shared.Messages;

/**
 * The text of the pages in the request's language, as {@code #{text['key']}}: the page bundle
 * {@code org.opendvc.portal.web.text} first, then the domain's labels (levels, tiers...) from
 * {@code org.opendvc.portal.messages}. Looked up without falling back to the server's default
 * locale, so a server running in English still shows Vietnamese pages by default.
 */
@Named("text")
@RequestScoped
public class PageText extends AbstractMap<String, String> {

  public static final String BUNDLE = "org.opendvc.portal.web.text";

  @Inject private LanguageView language;

  private ResourceBundle pages;
  private Locale locale;

  @PostConstruct
  void load() {
    locale = language.getLocale();
    pages = bundle(locale);
  }

  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        Messages.supported(locale),
        PageText.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  @Override
  public String get(Object key) {
    if (key == null) {
      return "";
    }
    String k = key.toString();
    try {
      return pages.getString(k);
    } catch (MissingResourceException e) {
      return Messages.get(locale, k);
    }
  }

  @Override
  public boolean containsKey(Object key) {
    return key != null;
  }

  /** The text of a key with its placeholders ({0}, {1}...) filled in. */
  public String format(String key, Object... args) {
    return new MessageFormat(get(key), locale).format(args);
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return Set.of();
  }
}
