package org.opendvc.portal.api.catalogue;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import org.opendvc.portal.catalogue.Offering;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.ProcedureDetails.TimeLimit;
import org.opendvc.portal.catalogue.ProcedureView;

/**
 * The catalogue in the shape of the EU's Core Public Service Vocabulary Application Profile
 * (CPSV-AP 3.2) as JSON-LD: PublicService with its competent PublicOrganisation, Channels, Costs,
 * Evidence (dossier components), Output (results), Rules (steps) and LegalResources.
 */
final class CpsvAp {

  private static final String BASE = "urn:opendvc:";

  private CpsvAp() {}

  static JsonObject context() {
    return JSON.createObjectBuilder()
        .add("cpsv", "http://purl.org/vocab/cpsv#")
        .add("cv", "http://data.europa.eu/m8g/")
        .add("dct", "http://purl.org/dc/terms/")
        .add("skos", "http://www.w3.org/2004/02/skos/core#")
        .add("eli", "http://data.europa.eu/eli/ontology#")
        .add("PublicService", "cpsv:PublicService")
        .add("PublicOrganisation", "cv:PublicOrganisation")
        .add("Channel", "cv:Channel")
        .add("Cost", "cv:Cost")
        .add("Evidence", "cv:Evidence")
        .add("Output", "cv:Output")
        .add("Rule", "cpsv:Rule")
        .add("LegalResource", "eli:LegalResource")
        .add("identifier", "dct:identifier")
        .add("name", "dct:title")
        .add("description", "dct:description")
        .add("keyword", "cv:keyword")
        .add("sector", "cv:sector")
        .add("hasCompetentAuthority", "cv:hasCompetentAuthority")
        .add("hasChannel", "cv:hasChannel")
        .add("hasCost", "cv:hasCost")
        .add("hasInput", "cpsv:hasInput")
        .add("produces", "cpsv:produces")
        .add("follows", "cpsv:follows")
        .add("hasLegalResource", "cv:hasLegalResource")
        .add("processingTime", "cv:processingTime")
        .add("prefLabel", "skos:prefLabel")
        .add("type", "dct:type")
        .add("value", "cv:value")
        .add("currency", "cv:currency")
        .add("level", "cv:hasServiceLevel")
        .build();
  }

  static JsonObject publicService(ProcedureView view) {
    Procedure p = view.procedure();
    ProcedureDetails d = p.details();
    JsonObjectBuilder s =
        JSON.createObjectBuilder()
            .add("@id", BASE + "procedure:" + p.code())
            .add("@type", "PublicService")
            .add("identifier", p.code())
            .add("name", vi(p.name()));
    if (p.description() != null) {
      s.add("description", vi(p.description()));
    }
    p.field().ifPresent(f -> s.add("sector", vi(f.name())));
    if (p.keywords() != null) {
      s.add("keyword", vi(p.keywords()));
    }
    JsonArrayBuilder authorities = JSON.createArrayBuilder();
    for (Offering o : view.offerings()) {
      authorities.add(
          JSON.createObjectBuilder()
              .add("@id", BASE + "agency:" + o.agency().code())
              .add("@type", "PublicOrganisation")
              .add("identifier", o.agency().code())
              .add("prefLabel", vi(o.agency().name()))
              .add("level", o.level().number()));
    }
    d.competentAgencies()
        .forEach(
            name ->
                authorities.add(
                    JSON.createObjectBuilder()
                        .add("@type", "PublicOrganisation")
                        .add("prefLabel", vi(name))));
    s.add("hasCompetentAuthority", authorities);
    JsonArrayBuilder channels = JSON.createArrayBuilder();
    JsonArrayBuilder costs = JSON.createArrayBuilder();
    for (ProcedureDetails.ChannelTerms c : d.channels()) {
      JsonObjectBuilder channel =
          JSON.createObjectBuilder().add("@type", "Channel").add("type", c.channel().name());
      if (!c.timeLimits().isEmpty()) {
        String duration = duration(c.timeLimits().get(0));
        if (duration != null) {
          channel.add("processingTime", duration);
        }
      }
      channels.add(channel);
      for (TimeLimit t : c.timeLimits()) {
        for (ProcedureDetails.Fee fee : t.fees()) {
          JsonObjectBuilder cost = JSON.createObjectBuilder().add("@type", "Cost");
          if (fee.amount() != null) {
            cost.add("value", fee.amount());
          }
          cost.add("currency", fee.currency() == null ? "VND" : fee.currency());
          if (fee.description() != null) {
            cost.add("description", vi(fee.description()));
          }
          costs.add(cost);
        }
      }
    }
    s.add("hasChannel", channels).add("hasCost", costs);
    JsonArrayBuilder evidence = JSON.createArrayBuilder();
    d.components()
        .forEach(
            g ->
                g.documents()
                    .forEach(
                        doc ->
                            evidence.add(
                                JSON.createObjectBuilder()
                                    .add("@type", "Evidence")
                                    .add("name", vi(doc.name())))));
    s.add("hasInput", evidence);
    JsonArrayBuilder outputs = JSON.createArrayBuilder();
    d.results()
        .forEach(
            r -> outputs.add(JSON.createObjectBuilder().add("@type", "Output").add("name", vi(r))));
    s.add("produces", outputs);
    JsonArrayBuilder rules = JSON.createArrayBuilder();
    d.steps()
        .forEach(
            g ->
                g.steps()
                    .forEach(
                        step ->
                            rules.add(
                                JSON.createObjectBuilder()
                                    .add("@type", "Rule")
                                    .add("description", vi(step)))));
    s.add("follows", rules);
    JsonArrayBuilder legal = JSON.createArrayBuilder();
    d.legalBases()
        .forEach(
            l -> {
              JsonObjectBuilder r = JSON.createObjectBuilder().add("@type", "LegalResource");
              if (l.number() != null) {
                r.add("identifier", l.number());
              }
              if (l.title() != null) {
                r.add("name", vi(l.title()));
              }
              legal.add(r);
            });
    s.add("hasLegalResource", legal);
    return s.build();
  }

  /** An ISO 8601 duration for calendar units; working-time units have none and are left out. */
  static String duration(TimeLimit t) {
    if (t.amount() == null || t.amount().signum() <= 0) {
      return null;
    }
    BigDecimal a = t.amount().stripTrailingZeros();
    return switch (t.unit()) {
      case DAYS -> "P" + a.toPlainString() + "D";
      case MONTHS -> "P" + a.toPlainString() + "M";
      default -> null;
    };
  }

  private static JsonObject vi(String text) {
    return JSON.createObjectBuilder().add("@value", text).add("@language", "vi").build();
  }
}
