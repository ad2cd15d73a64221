package org.opendvc.portal.web.catalogue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.ProcedureView;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.NotFound;
import org.opendvc.portal.web.shared.PageLinks;
import org.opendvc.portal.web.shared.PageText;
import org.opendvc.portal.web.shared.ProvinceIdentity;

/**
 * A procedure's page, {@code /procedures/{code}}; an unknown code is a 404.
 *
 * <p>Where to apply is chosen with {@code ?province=<code>&unit=<code>} (a plain GET form, so the
 * choice is also a link), and remembered in two cookies for the next procedure page; without
 * either, the portal's own province is preselected when it offers the procedure.
 */
@Named
@RequestScoped
public class ProcedurePage {

  static final String PROVINCE_COOKIE = "portal-place-province";
  static final String UNIT_COOKIE = "portal-place-unit";

  /** A year: people move rarely. */
  static final int COOKIE_MAX_AGE = 365 * 24 * 3600;

  private static final Pattern AGENCY_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

  @Inject private CatalogueService catalogue;
  @Inject private HttpServletRequest request;
  @Inject private PageText text;
  @Inject private PageLinks links;
  @Inject private LanguageView language;
  @Inject private ProvinceIdentity province;

  private ProcedureSheet procedure;
  private WhereToApply where;

  /** The view action: loads the procedure or answers 404. */
  // bound from the request by the page's <f:viewParam>s
  private String askedProvince;

  private String askedUnit;

  public void load() {
    Optional<ProcedureView> found = catalogue.procedure(CodeParam.of(request));
    if (found.isEmpty()) {
      NotFound.send();
      return;
    }
    CatalogueLabels labels = new CatalogueLabels(text::get, language.getLocale());
    Collator collator = Collator.getInstance(language.getLocale());
    procedure = new ProcedureSheet(found.get(), links, labels, collator);

    String provinceParam = code(askedProvince);
    String unitParam = code(askedUnit);
    String provinceCookie = code(cookie(PROVINCE_COOKIE));
    String unitCookie = code(cookie(UNIT_COOKIE));
    List<String[]> wanted = new ArrayList<>();
    if (provinceParam != null || unitParam != null) {
      wanted.add(
          new String[] {
            provinceParam,
            unitParam != null
                ? unitParam
                : provinceParam != null && provinceParam.equals(provinceCookie) ? unitCookie : null
          });
    }
    wanted.add(new String[] {provinceCookie, unitCookie});
    wanted.add(new String[] {province.getProvinceCode(), null});
    where =
        new WhereToApply(
            procedure.getCode(),
            found.get().offerings(),
            wanted,
            catalogue::agency,
            links,
            labels,
            collator,
            text.get("where.provinceLevel"),
            text.get("where.communes"));
    if (provinceParam != null || unitParam != null) {
      remember(where);
    }
  }

  /** Keeps what the person chose (from the address) for their next procedure page. */
  private void remember(WhereToApply chosen) {
    if (chosen.getProvince() == null) {
      return;
    }
    HttpServletResponse response =
        (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
    response.addCookie(cookie(PROVINCE_COOKIE, chosen.getProvince()));
    if (chosen.getPlace() != null) {
      // the unit the person named (their commune), even when it led to the district above it
      response.addCookie(
          cookie(
              UNIT_COOKIE,
              chosen.getFromUnit() != null
                  ? chosen.getFromUnit()
                  : chosen.getPlace().agencyCode()));
    }
  }

  private Cookie cookie(String name, String value) {
    Cookie c = new Cookie(name, value);
    String contextPath = request.getContextPath();
    c.setPath(contextPath == null || contextPath.isEmpty() ? "/" : contextPath);
    c.setMaxAge(COOKIE_MAX_AGE);
    c.setHttpOnly(true);
    c.setSecure(request.isSecure());
    c.setAttribute("SameSite", "Lax");
    return c;
  }

  private String cookie(String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (c.getName().equals(name)) {
          return c.getValue();
        }
      }
    }
    return null;
  }

  private static String code(String value) {
    return value != null && AGENCY_CODE.matcher(value.strip()).matches() ? value.strip() : null;
  }

  public ProcedureSheet getProcedure() {
    return procedure;
  }

  public WhereToApply getWhere() {
    return where;
  }

  public String getAskedProvince() {
    return askedProvince;
  }

  public void setAskedProvince(String askedProvince) {
    this.askedProvince = askedProvince;
  }

  public String getAskedUnit() {
    return askedUnit;
  }

  public void setAskedUnit(String askedUnit) {
    this.askedUnit = askedUnit;
  }
}
