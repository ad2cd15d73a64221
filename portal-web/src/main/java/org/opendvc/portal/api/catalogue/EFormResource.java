package org.opendvc.portal.api.catalogue;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.dossier.EForm;
import org.opendvc.portal.shared.NotFoundException;

/** The e-form of a procedure: what an online submission asks for (public). */
@RequestScoped
@Path("/v1/procedures/{code}/eform")
@Tag(name = "Catalogue")
public class EFormResource {

  @Inject private CatalogueService catalogue;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "What an online submission of the procedure asks for",
      description =
          "applicantFields, and one entry per dossier component (number, name, form"
              + " template name and URL, originals, copies, fileExpected, required), formFields (the procedure's own data: key, label vi/en, type, required, maxLength, pattern, choices); uploads name a component"
              + " by its number. formBounds: the limits of the free form answers.")
  public JsonObject eform(@PathParam("code") String code) {
    EForm form =
        catalogue
            .procedure(code)
            .map(v -> EForm.of(v.procedure()))
            .orElseThrow(() -> new NotFoundException("procedure.notFound", code));
    return json(form);
  }

  static JsonObject json(EForm form) {
    JsonArrayBuilder fields = JSON.createArrayBuilder();
    form.applicantFields()
        .forEach(
            f ->
                fields.add(
                    JSON.createObjectBuilder()
                        .add("name", f.name())
                        .add("required", f.required())
                        .add("maxLength", f.maxLength())
                        .add("format", f.format())));
    JsonArrayBuilder components = JSON.createArrayBuilder();
    form.components()
        .forEach(
            c ->
                components.add(
                    JSON.createObjectBuilder()
                        .add("number", c.number())
                        .add("case", nullable(c.caseName()))
                        .add("name", c.name())
                        .add("formName", nullable(c.formName()))
                        .add("formUrl", nullable(c.formUrl()))
                        .add("originals", c.originals())
                        .add("copies", c.copies())
                        .add("fileExpected", c.fileExpected())
                        .add("required", c.required())));
    JsonArrayBuilder formFields = JSON.createArrayBuilder();
    form.form()
        .fields()
        .forEach(
            f -> {
              var o =
                  JSON.createObjectBuilder()
                      .add("key", f.key())
                      .add(
                          "label",
                          JSON.createObjectBuilder()
                              .add("vi", f.labelVi())
                              .add("en", nullable(f.labelEn())))
                      .add("type", f.type().name().toLowerCase(java.util.Locale.ROOT))
                      .add("required", f.required())
                      .add("maxLength", f.maxLength())
                      .add("pattern", nullable(f.pattern()));
              if (!f.choices().isEmpty()) {
                JsonArrayBuilder choices = JSON.createArrayBuilder();
                f.choices()
                    .forEach(
                        c ->
                            choices.add(
                                JSON.createObjectBuilder()
                                    .add("value", c.value())
                                    .add("vi", c.vi())
                                    .add("en", nullable(c.en()))));
                o.add("choices", choices);
              }
              formFields.add(o);
            });
    EForm.FormBounds b = form.formBounds();
    return JSON.createObjectBuilder()
        .add("procedureCode", form.procedureCode())
        .add("procedureName", form.procedureName())
        .add("applicantFields", fields)
        .add("components", components)
        .add("formId", form.form().id())
        .add("formFields", formFields)
        .add(
            "formBounds",
            JSON.createObjectBuilder()
                .add("maxBytes", b.maxBytes())
                .add("maxKeys", b.maxKeys())
                .add("maxDepth", b.maxDepth())
                .add("keyPattern", b.keyPattern()))
        .add("uploadUrl", "/api/v1/dossiers/{code}/attachments")
        .build();
  }

  private static JsonValue nullable(String s) {
    return s == null ? JsonValue.NULL : JSON.createValue(s);
  }
}
