package org.opendvc.portal.dossier;

import java.util.Optional;

/**
 * What an officer asks of the work list (danh sách hồ sơ cần xử lý): an optional status, only
 * overdue or only soon-due dossiers, one procedure, a free text (dossier code, ID number or part
 * of the applicant's name), and the page. Blank texts mean "any".
 *
 * <p>"Overdue" and "due soon" look only at dossiers still in progress (statuses 2, 4, 5 and 6):
 * overdue when the due moment has passed, due soon when it falls between now and the horizon the
 * service computes with the working calendar.
 */
public record WorkListQuery(Optional<DossierStatus> status, boolean overdue, boolean dueSoon,
    String procedureCode, String text, int page, int size) {

  public WorkListQuery {
    status = status == null ? Optional.empty() : status;
    procedureCode = blankToNull(procedureCode);
    text = blankToNull(text);
    page = Math.max(0, page);
    size = Math.max(1, Math.min(100, size));
  }

  /** Everything, first page of 20. */
  public static WorkListQuery all() {
    return new WorkListQuery(Optional.empty(), false, false, null, null, 0, 20);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
