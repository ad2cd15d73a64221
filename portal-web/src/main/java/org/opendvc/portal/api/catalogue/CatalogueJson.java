package org.opendvc.portal.api.catalogue;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.CatalogueSummary;
import org.opendvc.portal.catalogue.Offering;
import org.opendvc.portal.catalogue.OnlineLevel;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureDetailsConverter;
import org.opendvc.portal.catalogue.ProcedureView;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.catalogue.search.ProcedureHit;
import org.opendvc.portal.catalogue.search.SearchResult;
import org.opendvc.portal.shared.Messages;

/** The catalogue's JSON shapes at the API edge (docs/API.md). */
final class CatalogueJson {

  private CatalogueJson() {}

  static JsonObject searchResult(SearchResult result, Locale locale) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (ProcedureHit hit : result.hits().items()) {
      JsonObjectBuilder item =
          JSON.createObjectBuilder().add("code", hit.code()).add("name", hit.name());
      addNullable(item, "field", hit.field());
      item.add("levels", levels(hit.levels(), locale));
      item.add("tiers", tiers(hit.tiers()));
      items.add(item);
    }
    JsonObjectBuilder facets = JSON.createObjectBuilder();
    result
        .facets()
        .forEach(
            (dim, counts) -> {
              JsonObjectBuilder values = JSON.createObjectBuilder();
              counts.forEach(values::add);
              facets.add(dim, values);
            });
    JsonArrayBuilder also = JSON.createArrayBuilder();
    result.alsoSearched().forEach(also::add);
    JsonArrayBuilder national = JSON.createArrayBuilder();
    result.nationalServices().forEach(n -> national.add(nationalService(n, locale)));
    return JSON.createObjectBuilder()
        .add("total", result.hits().total())
        .add("page", result.hits().page())
        .add("size", result.hits().size())
        .add("items", items)
        .add("facets", facets)
        .add("alsoSearched", also)
        .add("nationalServices", national)
        .build();
  }

  /** A topic handled outside the province, in the reader's language. */
  static JsonObject nationalService(
      org.opendvc.portal.catalogue.search.SearchDictionary.NationalService n, Locale locale) {
    JsonArrayBuilder triggers = JSON.createArrayBuilder();
    n.triggers().forEach(triggers::add);
    return JSON.createObjectBuilder()
        .add("id", n.id())
        .add("agency", n.agency(locale))
        .add("agencyVi", n.agencyVi())
        .add("agencyEn", n.agencyEn())
        .add("url", n.url())
        .add("note", n.note())
        .add("triggers", triggers)
        .build();
  }

  static JsonArrayBuilder levels(Collection<Integer> levels, Locale locale) {
    JsonArrayBuilder out = JSON.createArrayBuilder();
    levels.forEach(out::add);
    return out;
  }

  static JsonArrayBuilder tiers(Collection<Tier> tiers) {
    JsonArrayBuilder out = JSON.createArrayBuilder();
    tiers.forEach(t -> out.add(t.key()));
    return out;
  }

  static JsonObject level(OnlineLevel level, Locale locale) {
    return JSON.createObjectBuilder()
        .add("level", level.number())
        .add("label", Messages.get(locale, level.messageKey()))
        .add("decree42Label", Messages.get(locale, level.decree42MessageKey()))
        .add("onlineSubmission", level.allowsOnlineSubmission())
        .build();
  }

  static JsonObject procedure(ProcedureView view, Locale locale) {
    Procedure p = view.procedure();
    JsonObjectBuilder out = JSON.createObjectBuilder().add("code", p.code()).add("name", p.name());
    addNullable(out, "field", p.field().map(f -> f.name()).orElse(null));
    out.add("nationalLevel", level(p.nationalLevel(), locale));
    TreeSet<Integer> levels = new TreeSet<>();
    view.offerings().forEach(o -> levels.add(o.level().number()));
    if (levels.isEmpty()) {
      levels.add(p.nationalLevel().number());
    }
    out.add("levels", levels(levels, locale));
    out.add("tiers", tiers(new TreeSet<>(p.tiers())));
    addNullable(out, "procedureType", p.procedureType());
    addNullable(out, "decisionNo", p.decisionNo());
    addNullable(out, "decisionDate", p.decisionDate().map(Object::toString).orElse(null));
    addNullable(out, "description", p.description());
    addNullable(out, "requirements", p.requirements());
    addNullable(out, "keywords", p.keywords());
    JsonObject details = parse(ProcedureDetailsConverter.toJson(p.details()));
    details.forEach(out::add);
    JsonArrayBuilder offerings = JSON.createArrayBuilder();
    for (Offering o : view.offerings()) {
      offerings.add(
          JSON.createObjectBuilder()
              .add("agencyCode", o.agency().code())
              .add("agencyName", o.agency().name())
              .add("agencyTier", o.agency().tier().key())
              .add("level", o.level().number())
              .add("levelLabel", Messages.get(locale, o.level().messageKey()))
              .add("decree42Label", Messages.get(locale, o.level().decree42MessageKey())));
    }
    out.add("offerings", offerings);
    out.add("updatedAt", p.updatedAt().toString());
    return out.build();
  }

  static JsonObject agency(Agency a, Locale locale) {
    JsonObjectBuilder out =
        JSON.createObjectBuilder()
            .add("code", a.code())
            .add("name", a.name())
            .add("tier", a.tier().key())
            .add("tierName", Messages.get(locale, a.tier().messageKey()));
    addNullable(out, "parentCode", a.parent().map(Agency::code).orElse(null));
    addNullable(out, "address", a.address());
    addNullable(out, "phone", a.phone());
    addNullable(out, "email", a.email());
    return out.build();
  }

  static JsonObject summary(CatalogueSummary s) {
    JsonObjectBuilder byLevel = JSON.createObjectBuilder();
    s.byLevel().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> byLevel.add(e.getKey().toString(), e.getValue()));
    JsonObjectBuilder byTier = JSON.createObjectBuilder();
    s.byTierAndLevel().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              JsonObjectBuilder levels = JSON.createObjectBuilder();
              e.getValue().entrySet().stream()
                  .sorted(Map.Entry.comparingByKey())
                  .forEach(l -> levels.add(l.getKey().toString(), l.getValue()));
              byTier.add(e.getKey().key(), levels);
            });
    return JSON.createObjectBuilder()
        .add("procedures", s.procedures())
        .add("byLevel", byLevel)
        .add("byTierAndLevel", byTier)
        .build();
  }

  static void addNullable(JsonObjectBuilder b, String key, String value) {
    if (value == null) {
      b.addNull(key);
    } else {
      b.add(key, value);
    }
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static JsonValue nullable(String value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value);
  }
}
