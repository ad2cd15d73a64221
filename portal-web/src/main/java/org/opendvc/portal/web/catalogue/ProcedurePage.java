package org.opendvc.portal.web.catalogue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.text.Collator;
import java.util.Optional;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.ProcedureView;
import org.opendvc.portal.web.shared.NotFound;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageLinks;
import org.opendvc.portal.web.shared.PageText;

/** A procedure's page, {@code /procedures/{code}}; an unknown code is a 404. */
@Named
@RequestScoped
public class ProcedurePage {

  @Inject private CatalogueService catalogue;
  @Inject private HttpServletRequest request;
  @Inject private PageText text;
  @Inject private PageLinks links;
  @Inject private LanguageView language;

  private ProcedureSheet procedure;

  /** The view action: loads the procedure or answers 404. */
  public void load() {
    Optional<ProcedureView> found = catalogue.procedure(CodeParam.of(request));
    if (found.isEmpty()) {
      NotFound.send();
      return;
    }
    procedure = new ProcedureSheet(found.get(), links,
        new CatalogueLabels(text::get, language.getLocale()),
        Collator.getInstance(language.getLocale()));
  }

  public ProcedureSheet getProcedure() {
    return procedure;
  }
}
