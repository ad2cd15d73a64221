package org.opendvc.portal.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.shared.Messages;

class LanguageTest {

  @Test
  void theParameterWinsOverTheCookie() {
    assertEquals(Locale.ENGLISH, Language.choose("en", "vi"));
    assertEquals(Messages.VIETNAMESE, Language.choose("vi", "en"));
    assertEquals(Locale.ENGLISH, Language.choose(" EN ", null));
  }

  @Test
  void theCookieCountsWhenTheParameterNamesNoLanguage() {
    assertEquals(Locale.ENGLISH, Language.choose(null, "en"));
    assertEquals(Locale.ENGLISH, Language.choose("fr", "en"));
    assertEquals(Locale.ENGLISH, Language.choose("<script>", "en"));
  }

  @Test
  void vietnameseOtherwise() {
    assertEquals(Messages.VIETNAMESE, Language.choose(null, null));
    assertEquals(Messages.VIETNAMESE, Language.choose("de", "xx"));
    assertEquals(Messages.VIETNAMESE, Language.choose("", ""));
  }
}
