package org.opendvc.portal.web.catalogue;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import org.opendvc.portal.catalogue.OnlineLevel;
import org.opendvc.portal.catalogue.ProcedureDetails.Channel;
import org.opendvc.portal.catalogue.ProcedureDetails.TimeUnit;
import org.opendvc.portal.catalogue.Tier;

/** Domain values as a person reads them, in the page's language. */
public final class CatalogueLabels {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Function<String, String> text;
  private final Locale locale;

  public CatalogueLabels(Function<String, String> text, Locale locale) {
    this.text = text;
    this.locale = locale;
  }

  public String text(String key) {
    return text.apply(key);
  }

  /** "Mức độ 3 (Một phần)": both vocabularies, Decree 43/2011 first, Decree 42/2022 after. */
  public String level(int number) {
    return OnlineLevel.of(number)
        .map(l -> text.apply(l.messageKey()) + " (" + text.apply(l.decree42MessageKey()) + ")")
        .orElse(String.valueOf(number));
  }

  public String levelShort(int number) {
    return OnlineLevel.of(number)
        .map(l -> text.apply(l.messageKey()))
        .orElse(String.valueOf(number));
  }

  public String levelDecree42(int number) {
    return OnlineLevel.of(number).map(l -> text.apply(l.decree42MessageKey())).orElse("");
  }

  public String tier(Tier tier) {
    return tier == null ? "" : text.apply(tier.messageKey());
  }

  public String channel(Channel channel) {
    return channel == null
        ? text.apply("channel.unknown")
        : text.apply("channel." + channel.name());
  }

  public String unit(TimeUnit unit) {
    return text.apply("unit." + (unit == null ? TimeUnit.UNSPECIFIED : unit).name());
  }

  public String number(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(2);
    return format.format(amount);
  }

  public String count(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  public String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }
}
