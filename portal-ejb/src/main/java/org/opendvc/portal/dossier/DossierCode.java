package org.opendvc.portal.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dossier code as Circular 01/2018 Art. 19 sets it: {@code <unit code>-<YYMMDD>-<NNNN>}, the
 * receiving unit's identifier, the receipt date and a four-digit sequence per unit per day, e.g.
 * {@code 000.00.12.H56-200626-0001}.
 */
public record DossierCode(String unitCode, LocalDate date, int sequence) {

  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final Pattern FORM =
      Pattern.compile("([0-9A-Za-z][0-9A-Za-z.]{0,38})-(\\d{6})-(\\d{4,})");
  public static final int MAX_SEQUENCE = 9999;

  public DossierCode {
    if (unitCode == null || unitCode.isBlank() || unitCode.contains("-")) {
      throw new IllegalArgumentException("a unit code is required and has no '-': " + unitCode);
    }
    if (sequence < 1 || sequence > MAX_SEQUENCE) {
      throw new IllegalArgumentException("the daily sequence runs from 1 to " + MAX_SEQUENCE);
    }
  }

  public static Optional<DossierCode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.parse(m.group(2), YYMMDD);
      return Optional.of(new DossierCode(m.group(1), date, Integer.parseInt(m.group(3))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return unitCode + "-" + date.format(YYMMDD) + "-" + String.format("%04d", sequence);
  }
}
