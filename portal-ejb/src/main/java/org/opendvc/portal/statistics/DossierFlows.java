package org.opendvc.portal.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.dossier.Channel;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.Timeliness;

/**
 * What one dossier's history adds to the statistics: flows per day, agency and procedure
 * (docs/statistics.md). The same fold serves the figures kept at every status change (the
 * difference between the history before and after the change) and the recount from the raw history,
 * so both follow one set of rules:
 *
 * <ul>
 *   <li>a dossier is counted as received on the day it is accepted (counter and post: on receipt;
 *       online: at ACCEPT, or the first step that reaches a status after acceptance), online or
 *       offline by its channel; one refused or withdrawn before that never counts;
 *   <li>it is resolved on its first end of processing (resolved, returned, stopped, refused after
 *       acceptance), early, on time or late by {@link Timeliness} (supplement waiting time is
 *       already added to the due moment; more than one supplement request is late);
 *   <li>withdrawn after acceptance, it leaves the dossiers in progress without being resolved;
 *   <li>a transfer moves it, in progress, to the target agency (out of one, into the other), so it
 *       counts as resolved where it was finished;
 *   <li>in progress, it is overdue from the day after the date of its due moment until it ends:
 *       {@link Counter#OVERDUE_CHANGE} holds +1 on the first overdue day and −1 on the day it stops
 *       being overdue, moved whenever the due moment moves.
 * </ul>
 */
public final class DossierFlows {

  /** The figures kept per day, agency and procedure; all but the last are counts of dossiers. */
  public enum Counter {
    RECEIVED_ONLINE("received_online"),
    RECEIVED_OFFLINE("received_offline"),
    TRANSFERRED_IN("transferred_in"),
    TRANSFERRED_OUT("transferred_out"),
    RESOLVED_EARLY("resolved_early"),
    RESOLVED_ON_TIME("resolved_on_time"),
    RESOLVED_LATE("resolved_late"),
    WITHDRAWN("withdrawn"),
    /** The change, that day, in the number of dossiers in progress past their due date. */
    OVERDUE_CHANGE("overdue_change");

    private final String column;

    Counter(String column) {
      this.column = column;
    }

    /** The column of {@code dossier_stat_day} and {@code dossier_stat_month} that holds it. */
    public String column() {
      return column;
    }
  }

  /** Where a flow is kept: the local day, the agency and the procedure. */
  public record Key(LocalDate day, long agencyId, long procedureId) implements Comparable<Key> {

    /** The same place in the month's figures (the first day of the month). */
    public Key month() {
      return new Key(day.withDayOfMonth(1), agencyId, procedureId);
    }

    @Override
    public int compareTo(Key o) {
      int c = day.compareTo(o.day);
      if (c == 0) {
        c = Long.compare(agencyId, o.agencyId);
      }
      return c != 0 ? c : Long.compare(procedureId, o.procedureId);
    }
  }

  /** One history step as the statistics see it: where it took the dossier, when, and who has it. */
  public record Step(DossierStatus to, Instant at, long agencyId, Instant dueAt) {}

  private DossierFlows() {}

  /** The flows a dossier's history adds, each key with one value per {@link Counter}. */
  public static Map<Key, int[]> of(Channel channel, long procedureId, List<Step> steps) {
    Fold fold = new Fold(channel, procedureId);
    for (Step step : steps) {
      if (fold.ended) {
        break;
      }
      fold.take(step);
    }
    return fold.flows;
  }

  /** What {@code after} adds that {@code before} did not: after − before, zero entries dropped. */
  public static Map<Key, int[]> difference(Map<Key, int[]> after, Map<Key, int[]> before) {
    Map<Key, int[]> out = new HashMap<>();
    after.forEach((k, v) -> out.put(k, v.clone()));
    before.forEach(
        (k, v) -> {
          int[] sum = out.computeIfAbsent(k, x -> new int[Counter.values().length]);
          for (int i = 0; i < v.length; i++) {
            sum[i] -= v[i];
          }
        });
    out.values().removeIf(DossierFlows::allZero);
    return out;
  }

  /** The same flows added up per month (keys on the first day of their month), in key order. */
  public static Map<Key, int[]> byMonth(Map<Key, int[]> flows) {
    Map<Key, int[]> months = new java.util.TreeMap<>();
    flows.forEach(
        (k, v) -> {
          int[] m = months.computeIfAbsent(k.month(), x -> new int[v.length]);
          for (int i = 0; i < v.length; i++) {
            m[i] += v[i];
          }
        });
    return months;
  }

  static boolean allZero(int[] v) {
    for (int x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /** The local date of a moment. */
  static LocalDate day(Instant t) {
    return t.atZone(WorkingCalendar.ZONE).toLocalDate();
  }

  private static final class Fold {
    private final Channel channel;
    private final long procedureId;
    private final Map<Key, int[]> flows = new HashMap<>();
    private boolean counted;
    private boolean ended;
    private long agencyId;
    private Instant due;

    /** The first day it counts (or would count) as overdue, while counted and in progress. */
    private LocalDate overdueFrom;

    private int supplementRequests;

    Fold(Channel channel, long procedureId) {
      this.channel = channel;
      this.procedureId = procedureId;
    }

    void take(Step step) {
      LocalDate today = day(step.at());
      if (step.to() == DossierStatus.WAITING) {
        supplementRequests++;
      }
      if (!counted) {
        if (step.to().provesAcceptance()) {
          counted = true;
          agencyId = step.agencyId();
          add(
              today,
              agencyId,
              channel == Channel.ONLINE ? Counter.RECEIVED_ONLINE : Counter.RECEIVED_OFFLINE,
              1);
          due = step.dueAt();
          overdueFrom = due == null ? null : max(today, day(due).plusDays(1));
          if (overdueFrom != null) {
            add(overdueFrom, agencyId, Counter.OVERDUE_CHANGE, 1);
          }
        } else {
          ended = step.to().isFinal() || step.to().endsProcessing();
          return;
        }
      } else {
        if (step.agencyId() != agencyId) {
          add(today, agencyId, Counter.TRANSFERRED_OUT, 1);
          add(today, step.agencyId(), Counter.TRANSFERRED_IN, 1);
          if (overdueFrom != null) {
            LocalDate from = max(overdueFrom, today);
            add(from, agencyId, Counter.OVERDUE_CHANGE, -1);
            add(from, step.agencyId(), Counter.OVERDUE_CHANGE, 1);
          }
          agencyId = step.agencyId();
        }
        if (!java.util.Objects.equals(step.dueAt(), due)) {
          if (overdueFrom != null) {
            add(max(overdueFrom, today), agencyId, Counter.OVERDUE_CHANGE, -1);
          }
          due = step.dueAt();
          overdueFrom = due == null ? null : max(today, day(due).plusDays(1));
          if (overdueFrom != null) {
            add(overdueFrom, agencyId, Counter.OVERDUE_CHANGE, 1);
          }
        }
      }
      if (step.to().endsProcessing()) {
        Timeliness t = Timeliness.of(due, step.at(), supplementRequests, step.at());
        add(
            today,
            agencyId,
            switch (t) {
              case EARLY -> Counter.RESOLVED_EARLY;
              case ON_TIME -> Counter.RESOLVED_ON_TIME;
              default -> Counter.RESOLVED_LATE;
            },
            1);
        end(today);
      } else if (step.to() == DossierStatus.CANCELLED) {
        add(today, agencyId, Counter.WITHDRAWN, 1);
        end(today);
      }
    }

    private void end(LocalDate today) {
      if (overdueFrom != null) {
        add(max(overdueFrom, today), agencyId, Counter.OVERDUE_CHANGE, -1);
      }
      ended = true;
    }

    private void add(LocalDate day, long agency, Counter counter, int amount) {
      flows
              .computeIfAbsent(
                  new Key(day, agency, procedureId), k -> new int[Counter.values().length])[
              counter.ordinal()] +=
          amount;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
      return a.isAfter(b) ? a : b;
    }
  }
}
