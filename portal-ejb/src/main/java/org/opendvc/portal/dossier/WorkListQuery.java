package org.opendvc.portal.dossier;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an officer asks of the work list (danh sách hồ sơ cần xử lý): which dossiers (the open ones
 * by default, the finished ones, or all), an optional status, only overdue or only soon-due
 * dossiers, one procedure, a free text (dossier code, ID number or part of the applicant's name),
 * and the page. Blank texts mean "any".
 *
 * <p>"Overdue" and "due soon" look only at dossiers still in progress (statuses 2, 4, 5 and 6):
 * overdue when the due moment has passed, due soon when it falls between now and the horizon the
 * service computes with the working calendar.
 *
 * <p>The open list puts the most urgent first (see {@link #rank}): overdue, then due soon, then new
 * online submissions waiting to be accepted, then the rest by due moment. Finished dossiers stay
 * out of it, so that page 1 is today's work and not last month's returned results.
 */
public record WorkListQuery(
    Scope scope,
    Optional<DossierStatus> status,
    boolean overdue,
    boolean dueSoon,
    String procedureCode,
    String text,
    int page,
    int size) {

  /** Which dossiers a list holds when no single status is asked for. */
  public enum Scope {
    /** Not finished: statuses 1, 2, 4, 5 and 6 (the default). */
    OPEN("open"),
    /** Finished: refused, withdrawn, stopped, resolved or returned (3, 7, 8, 9, 10). */
    FINISHED("finished"),
    /** Every dossier, open ones first. */
    ALL("all");

    private final String key;

    Scope(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    /** The scope of a parameter value ("open", "finished", "all"), any case. */
    public static Optional<Scope> ofKey(String key) {
      if (key == null) {
        return Optional.empty();
      }
      String k = key.strip().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }

    /** The statuses of this scope; empty for {@link #ALL} (no restriction). */
    public List<DossierStatus> statuses() {
      return switch (this) {
        case OPEN -> OPEN_STATUSES;
        case FINISHED -> FINISHED_STATUSES;
        case ALL -> List.of();
      };
    }
  }

  /** Dossiers not finished: someone still has to act (the officer, or the applicant for 5, 6). */
  public static final List<DossierStatus> OPEN_STATUSES =
      List.of(
          DossierStatus.RECEIVING,
          DossierStatus.NEW,
          DossierStatus.PROCESSING,
          DossierStatus.WAITING,
          DossierStatus.PAYING);

  /** Dossiers whose processing ended (refused, withdrawn, stopped, resolved, returned). */
  public static final List<DossierStatus> FINISHED_STATUSES =
      List.of(
          DossierStatus.DENIED,
          DossierStatus.CANCELLED,
          DossierStatus.UNRESOLVED,
          DossierStatus.RELEASING,
          DossierStatus.DONE);

  /** Statuses whose due moment runs (overdue and due soon are judged on these only). */
  public static final List<DossierStatus> TIMED_STATUSES =
      List.of(
          DossierStatus.NEW, DossierStatus.PROCESSING, DossierStatus.WAITING, DossierStatus.PAYING);

  /** Ranks of {@link #rank}, most urgent first. */
  public static final int OVERDUE = 0;

  public static final int DUE_SOON = 1;
  public static final int AWAITING_ACCEPTANCE = 2;
  public static final int OPEN_LATER = 3;
  public static final int FINISHED = 4;

  public WorkListQuery {
    scope = scope == null ? Scope.OPEN : scope;
    status = status == null ? Optional.empty() : status;
    procedureCode = blankToNull(procedureCode);
    text = blankToNull(text);
    page = Math.max(0, page);
    size = Math.max(1, Math.min(100, size));
  }

  /** The open dossiers (the default scope). */
  public WorkListQuery(
      Optional<DossierStatus> status,
      boolean overdue,
      boolean dueSoon,
      String procedureCode,
      String text,
      int page,
      int size) {
    this(Scope.OPEN, status, overdue, dueSoon, procedureCode, text, page, size);
  }

  /** The open dossiers, most urgent first, first page of 20. */
  public static WorkListQuery open() {
    return new WorkListQuery(Scope.OPEN, Optional.empty(), false, false, null, null, 0, 20);
  }

  /** Everything, first page of 20. */
  public static WorkListQuery all() {
    return new WorkListQuery(Scope.ALL, Optional.empty(), false, false, null, null, 0, 20);
  }

  /**
   * The statuses the list is limited to: the one asked for (a status asked for explicitly is shown
   * whatever the scope, so that "resolved" still lists resolved dossiers), else the scope's; empty
   * means any status.
   */
  public List<DossierStatus> statuses() {
    return status.map(List::of).orElseGet(scope::statuses);
  }

  /**
   * Whether the list holds finished dossiers only, which come most recently finished first rather
   * than by urgency.
   */
  public boolean finishedOnly() {
    List<DossierStatus> statuses = statuses();
    return !statuses.isEmpty() && FINISHED_STATUSES.containsAll(statuses);
  }

  /**
   * How urgent a dossier is on the work list, lower first: {@link #OVERDUE} (in progress, due
   * moment passed), {@link #DUE_SOON} (due by {@code horizon}), {@link #AWAITING_ACCEPTANCE}
   * (submitted online, no due moment until accepted), {@link #OPEN_LATER} (open, due later or with
   * no due moment, such as a supplement asked before acceptance), {@link #FINISHED}. Within a rank
   * the list goes by due moment (none last), then receipt, then id; the service's SQL ordering says
   * the same thing.
   */
  public static int rank(DossierStatus status, Instant dueAt, Instant now, Instant horizon) {
    if (FINISHED_STATUSES.contains(status)) {
      return FINISHED;
    }
    if (status == DossierStatus.RECEIVING) {
      return AWAITING_ACCEPTANCE;
    }
    if (dueAt != null && dueAt.isBefore(now)) {
      return OVERDUE;
    }
    if (dueAt != null && !dueAt.isAfter(horizon)) {
      return DUE_SOON;
    }
    return OPEN_LATER;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
