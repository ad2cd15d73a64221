package org.opendvc.portal.api.opendata;

import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.opendvc.portal.opendata.Column;
import org.opendvc.portal.opendata.OpenDataService;
import org.opendvc.portal.shared.JsonProviders;

/**
 * An open dataset as one JSON document (docs/open-data.md):
 *
 * <pre>
 * {"dataset": "statistics", "licence": {"name", "url"}, "source": "https://.../open-data",
 *  "documentation": "https://.../open-data#statistics", "generatedAt": "...+07:00",
 *  "period": {"from", "to", "countedTo"}, "fields": [{"name", "type"}], "rows": [{...}]}
 * </pre>
 *
 * Written with the JSON-P generator as the rows come, because the rows of the results can run to a
 * hundred thousand: the document is never held whole in memory. Each row is a flat object with a
 * member for every field, null where there is no value, in the order of {@code fields}.
 */
final class OpenDataJson {

  private OpenDataJson() {}

  /** What the document says about itself besides the data. */
  record About(
      OpenDataService.Licence licence,
      String source,
      String documentation,
      OffsetDateTime generatedAt) {}

  static void write(OpenDataService.Extract extract, About about, OutputStream out)
      throws IOException {
    JsonGenerator g = JsonProviders.JSON.createGenerator(out);
    g.writeStartObject();
    g.write("dataset", extract.dataset().key());
    g.writeStartObject("licence")
        .write("name", about.licence().name())
        .write("url", about.licence().url())
        .writeEnd();
    g.write("source", about.source());
    g.write("documentation", about.documentation());
    g.write("generatedAt", about.generatedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    if (extract.from() != null) {
      g.writeStartObject("period");
      g.write("from", extract.from().toString());
      g.write("to", extract.to().toString());
      if (extract.countedTo() != null) {
        g.write("countedTo", extract.countedTo().toString());
      }
      g.writeEnd();
    }
    List<Column> columns = extract.table().columns();
    g.writeStartArray("fields");
    for (Column c : columns) {
      g.writeStartObject().write("name", c.name()).write("type", c.type().key()).writeEnd();
    }
    g.writeEnd();
    g.writeStartArray("rows");
    extract
        .table()
        .rows()
        .forEach(
            row -> {
              g.writeStartObject();
              for (int i = 0; i < columns.size(); i++) {
                value(g, columns.get(i).name(), row[i]);
              }
              g.writeEnd();
            });
    g.writeEnd();
    g.writeEnd();
    g.flush();
  }

  private static void value(JsonGenerator g, String name, Object v) {
    if (v == null) {
      g.writeNull(name);
    } else if (v instanceof Long || v instanceof Integer) {
      g.write(name, ((Number) v).longValue());
    } else if (v instanceof Double d) {
      g.write(name, d);
    } else if (v instanceof BigDecimal b) {
      g.write(name, b.stripTrailingZeros());
    } else if (v instanceof OffsetDateTime t) {
      g.write(name, t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } else if (v instanceof LocalDate d) {
      g.write(name, d.toString());
    } else {
      g.write(name, v.toString());
    }
  }
}
