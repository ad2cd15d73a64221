package org.opendvc.portal.web.shared;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The short addresses of the pages (API.md, "Public page addresses"), under the context path. */
@Named("links")
@RequestScoped
public class PageLinks {

  @Inject private HttpServletRequest request;

  private String base;

  @PostConstruct
  void init() {
    base = request.getContextPath() == null ? "" : request.getContextPath();
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Query-string encoding: spaces as "+", as a GET form sends them. */
  public static String encodeParam(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public String getHome() {
    return base + "/";
  }

  public String getSearch() {
    return base + "/procedures";
  }

  public String getAgencies() {
    return base + "/agencies";
  }

  public String getResults() {
    return base + "/results";
  }

  public String getStatistics() {
    return base + "/statistics";
  }

  public String getSatisfaction() {
    return base + "/satisfaction";
  }

  public String getScorecard() {
    return base + "/scorecard";
  }

  public String getOpenData() {
    return base + "/open-data";
  }

  public String getStylesheet() {
    return base + "/static/portal.css?v=8";
  }

  public String path(String path) {
    return base + path;
  }

  public String procedure(String code) {
    return base + "/procedures/" + encode(code);
  }

  public String agency(String code) {
    return base + "/agencies/" + encode(code);
  }
}
