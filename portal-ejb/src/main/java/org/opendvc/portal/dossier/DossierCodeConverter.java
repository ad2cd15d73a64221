package org.opendvc.portal.dossier;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link DossierCode} in its printed form. */
@Converter
public class DossierCodeConverter implements AttributeConverter<DossierCode, String> {

  @Override
  public String convertToDatabaseColumn(DossierCode code) {
    return code == null ? null : code.toString();
  }

  @Override
  public DossierCode convertToEntityAttribute(String value) {
    return value == null
        ? null
        : DossierCode.parse(value)
            .orElseThrow(
                () -> new IllegalStateException("stored dossier code unreadable: " + value));
  }
}
