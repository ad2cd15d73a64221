package org.opendvc.portal.dossier;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@link DossierStatus} as its national code (1 to 10), the integer the status columns
 * have always held; JPQL compares such a column with {@link DossierStatus} parameters.
 */
@Converter
public class DossierStatusConverter implements AttributeConverter<DossierStatus, Integer> {

  @Override
  public Integer convertToDatabaseColumn(DossierStatus status) {
    return status == null ? null : status.code();
  }

  @Override
  public DossierStatus convertToEntityAttribute(Integer code) {
    return code == null
        ? null
        : DossierStatus.ofCode(code)
            .orElseThrow(() -> new IllegalStateException("stored dossier status unknown: " + code));
  }
}
