package org.opendvc.portal.catalogue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Reads and writes {@link ProcedureDetails} as the JSON document kept with each procedure. */
@Converter
public class ProcedureDetailsConverter implements AttributeConverter<ProcedureDetails, String> {

  private static final Jsonb JSONB = JsonbBuilder.create();

  public static String toJson(ProcedureDetails details) {
    return JSONB.toJson(details == null ? ProcedureDetails.empty() : details);
  }

  public static ProcedureDetails fromJson(String json) {
    return json == null || json.isBlank()
        ? ProcedureDetails.empty()
        : JSONB.fromJson(json, ProcedureDetails.class);
  }

  @Override
  public String convertToDatabaseColumn(ProcedureDetails details) {
    return toJson(details);
  }

  @Override
  public ProcedureDetails convertToEntityAttribute(String json) {
    return fromJson(json);
  }
}
