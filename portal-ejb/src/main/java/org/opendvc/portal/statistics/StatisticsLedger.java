package org.opendvc.portal.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierChanged;
import org.opendvc.portal.dossier.StatusChange;
import org.opendvc.portal.statistics.DossierFlows.Key;
import org.opendvc.portal.statistics.DossierFlows.Step;

/**
 * Keeps the statistics up to date in the transaction of every status change: what the dossier's
 * history adds now, minus what it added before the change, goes into the kept figures. A failure
 * here rolls the change back, so figures and history never disagree.
 */
@ApplicationScoped
public class StatisticsLedger {

  @Inject private StatisticsStore store;

  void onChange(@Observes DossierChanged event) {
    store.add(flowsAdded(event.dossier(), event.stepsBefore()));
  }

  /** The flows the steps after the first {@code stepsBefore} add to the dossier's figures. */
  static Map<Key, int[]> flowsAdded(Dossier d, int stepsBefore) {
    List<Step> steps = d.history().stream().map(StatisticsLedger::step).toList();
    long procedure = d.procedure().id();
    Map<Key, int[]> after = DossierFlows.of(d.channel(), procedure, steps);
    if (stepsBefore == 0) {
      return after;
    }
    return DossierFlows.difference(
        after, DossierFlows.of(d.channel(), procedure, steps.subList(0, stepsBefore)));
  }

  private static Step step(StatusChange c) {
    return new Step(c.to(), c.at(), c.agency().id(), c.dueAt());
  }
}
