package org.opendvc.portal.catalogue;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * Imports procedures in the national feed's shape: checks every record, upserts the valid ones by
 * code in batches and reports the others with their reasons. A bad record never stops the import; a
 * batch the database refuses is retried record by record, so only the culprit is lost.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProcedureImportService {

  private static final Logger LOG = Logger.getLogger(ProcedureImportService.class.getName());
  static final int BATCH = 250;

  @EJB private ProcedureWriter writer;
  @Inject private Event<CatalogueChanged> changed;

  public ImportReport importRecords(List<JsonValue> input) {
    List<ImportReport.Rejection> rejected = new ArrayList<>();
    List<ProcedureRecord> valid = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      try {
        valid.add(NationalFeedReader.read(input.get(i)));
        positions.add(i);
      } catch (InvalidInputException e) {
        rejected.add(new ImportReport.Rejection(i, codeOf(input.get(i)), e.problems()));
      }
    }
    int created = 0;
    int updated = 0;
    for (int from = 0; from < valid.size(); from += BATCH) {
      int to = Math.min(valid.size(), from + BATCH);
      try {
        ProcedureWriter.BatchResult result = writer.write(valid.subList(from, to));
        created += result.created();
        updated += result.updated();
      } catch (Exception batchFailure) {
        LOG.log(Level.FINE, "batch refused, retrying one by one", batchFailure);
        for (int i = from; i < to; i++) {
          try {
            ProcedureWriter.BatchResult one = writer.write(List.of(valid.get(i)));
            created += one.created();
            updated += one.updated();
          } catch (Exception e) {
            rejected.add(
                new ImportReport.Rejection(
                    positions.get(i),
                    valid.get(i).code(),
                    List.of(new FieldProblem("record", "import.storeFailed", rootMessage(e)))));
          }
        }
      }
    }
    if (created + updated > 0) {
      try {
        writer.bumpRevision();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot record the catalogue change", e);
      }
      changed.fire(new CatalogueChanged());
    }
    rejected.sort(java.util.Comparator.comparingInt(ImportReport.Rejection::index));
    return new ImportReport(created, updated, rejected);
  }

  private static String codeOf(JsonValue value) {
    if (value != null && value.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonValue code = value.asJsonObject().get("MATTHC");
      if (code != null && code.getValueType() == JsonValue.ValueType.STRING) {
        return value.asJsonObject().getString("MATTHC");
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
