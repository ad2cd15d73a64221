package org.opendvc.portal.web.catalogue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.ProcedureView;
import org.opendvc.portal.web.shared.NotFound;
import org.opendvc.portal.web.shared.PageRoutes;

/**
 * A procedure's form (mẫu đơn, tờ khai) ready to print, {@code /forms/{code}/{n}}: the n-th paper
 * of the procedure that has a form, laid out as the applicant's request with the usual national
 * heading, the fields every request asks for and the list of papers to attach.
 */
@Named
@RequestScoped
public class FormPage {

  @Inject private CatalogueService catalogue;
  @Inject private HttpServletRequest request;

  private ProcedureView procedure;
  private ProcedureDetails.Document form;
  private int number;

  public void load() {
    Object n = request.getAttribute(PageRoutes.FORM_NUMBER);
    number = n instanceof Integer i ? i : 0;
    Optional<ProcedureView> found = catalogue.procedure(CodeParam.of(request));
    List<ProcedureDetails.Document> forms = found.map(FormPage::forms).orElse(List.of());
    if (number < 1 || number > forms.size()) {
      NotFound.send();
      return;
    }
    procedure = found.get();
    form = forms.get(number - 1);
  }

  /** The papers of a procedure that have a form, in the order the procedure lists them. */
  static List<ProcedureDetails.Document> forms(ProcedureView view) {
    List<ProcedureDetails.Document> forms = new ArrayList<>();
    view.procedure()
        .details()
        .components()
        .forEach(
            g ->
                g.documents().stream()
                    .filter(d -> d.formName() != null && !d.formName().isBlank())
                    .forEach(forms::add));
    return forms;
  }

  public String getTitle() {
    return form.formName().strip();
  }

  public String getPaperName() {
    return form.name();
  }

  public String getProcedureName() {
    return procedure.procedure().name();
  }

  public String getProcedureCode() {
    return procedure.procedure().code();
  }

  /** Whom the request is addressed to: the implementing agency the procedure names first. */
  public String getAddressee() {
    List<String> agencies = procedure.procedure().details().implementingAgencies();
    return agencies.isEmpty() ? null : agencies.get(0);
  }

  /** Every paper of the dossier, to tick off what is attached. */
  public List<String> getPapers() {
    List<String> papers = new ArrayList<>();
    procedure
        .procedure()
        .details()
        .components()
        .forEach(g -> g.documents().forEach(d -> papers.add(d.name())));
    return papers;
  }
}
