package org.opendvc.portal.statistics;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

/** Writes a statistics row as one flat object: its key, name and tier, then its figures. */
public class RowSerializer implements JsonbSerializer<StatisticsService.Row> {

  @Override
  public void serialize(StatisticsService.Row row, JsonGenerator g, SerializationContext ctx) {
    g.writeStartObject();
    text(g, "key", row.key());
    text(g, "name", row.name());
    text(g, "tier", row.tier());
    Figures f = row.figures();
    g.write("received", f.received());
    g.write("carriedOver", f.carriedOver());
    g.write("receivedOnline", f.receivedOnline());
    g.write("receivedOffline", f.receivedOffline());
    g.write("transferredIn", f.transferredIn());
    g.write("transferredOut", f.transferredOut());
    g.write("resolved", f.resolved());
    g.write("resolvedEarly", f.resolvedEarly());
    g.write("resolvedOnTime", f.resolvedOnTime());
    g.write("resolvedLate", f.resolvedLate());
    g.write("withdrawn", f.withdrawn());
    g.write("inProgress", f.inProgress());
    g.write("inProgressWithinTime", f.inProgressWithinTime());
    g.write("inProgressOverdue", f.inProgressOverdue());
    rate(g, "onTimeRate", f.onTimeRate());
    rate(g, "onlineShare", f.onlineShare());
    g.writeEnd();
  }

  private static void text(JsonGenerator g, String name, String value) {
    if (value == null) {
      g.writeNull(name);
    } else {
      g.write(name, value);
    }
  }

  private static void rate(JsonGenerator g, String name, Double value) {
    if (value == null) {
      g.writeNull(name);
    } else {
      g.write(name, value);
    }
  }
}
