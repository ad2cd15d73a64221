package org.opendvc.portal.catalogue.search;

import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendvc.portal.catalogue.CatalogueChanged;
import org.opendvc.portal.catalogue.CatalogueSummary;
import org.opendvc.portal.catalogue.OnlineLevel;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.catalogue.search.IndexedProcedure.OfferedAt;

/**
 * This node's search index of the catalogue. Each node builds it from the database at start and
 * rebuilds it when the catalogue revision in the database moves (checked at most every few seconds,
 * so a change made on another node of a cluster shows up here too). Searches keep using the
 * previous index while a new one is built.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogueSearch {

  private static final Logger LOG = Logger.getLogger(CatalogueSearch.class.getName());

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @ConfigProperty(name = "portal.search.refresh.seconds", defaultValue = "5")
  @jakarta.inject.Inject
  private int refreshSeconds;

  private final ReentrantLock rebuilding = new ReentrantLock();
  private volatile ProcedureIndex index;
  private volatile long lastCheckNanos;

  public SearchResult search(SearchQuery query) {
    return current().search(query);
  }

  /**
   * An admin changed the dictionary on this node: once the change is committed, the index takes it
   * before the admin's request answers, so the very next search, anyone's, uses it. (Marking the
   * index for a check at the next search instead lost the change for a few seconds whenever someone
   * else searched between the change and its commit.)
   */
  public void dictionaryChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) SearchDictionaryChanged change) {
    if (index == null) {
      return; // the first search builds the index, with the dictionary of then
    }
    rebuilding.lock();
    try {
      refreshLocked();
    } finally {
      rebuilding.unlock();
    }
  }

  public CatalogueSummary summary() {
    ProcedureIndex current = current();
    Map<Integer, Long> byLevel = new TreeMap<>();
    Map<Tier, Map<Integer, Long>> byTier = new EnumMap<>(Tier.class);
    for (IndexedProcedure p : current.procedures()) {
      p.levels().forEach(l -> byLevel.merge(l, 1L, Long::sum));
      p.levelsByTier()
          .forEach(
              (tier, levels) ->
                  levels.forEach(
                      l ->
                          byTier
                              .computeIfAbsent(tier, t -> new TreeMap<>())
                              .merge(l, 1L, Long::sum)));
    }
    return new CatalogueSummary(current.size(), byLevel, byTier);
  }

  /** An import on this node changed the catalogue: rebuild now rather than at the next check. */
  public void catalogueChanged(@Observes CatalogueChanged change) {
    rebuild();
  }

  /**
   * The index, rebuilt first if the catalogue changed since it was built. One search every few
   * seconds looks at the revisions in the database; the others meanwhile use the index as it is.
   */
  public ProcedureIndex current() {
    ProcedureIndex current = index;
    if (current == null) {
      return rebuild();
    }
    long now = System.nanoTime();
    if (now - lastCheckNanos > refreshSeconds * 1_000_000_000L && rebuilding.tryLock()) {
      try {
        return refreshLocked();
      } finally {
        rebuilding.unlock();
      }
    }
    return current;
  }

  /**
   * Holding the lock: the index brought up to the revisions in the database, whole if the catalogue
   * moved, its dictionary only if only that did.
   */
  private ProcedureIndex refreshLocked() {
    lastCheckNanos = System.nanoTime();
    ProcedureIndex current = index;
    long[] revisions = readRevisions();
    if (revisions[0] != current.revision()) {
      return rebuildLocked();
    }
    if (revisions[1] == current.dictionary().revision()) {
      return current;
    }
    ProcedureIndex fresh = current.withDictionary(loadDictionary());
    index = fresh;
    LOG.info(() -> "Search dictionary reloaded: revision " + fresh.dictionary().revision());
    return fresh;
  }

  /** Builds a fresh index now, e.g. right after an import on this node. */
  public ProcedureIndex rebuild() {
    rebuilding.lock();
    try {
      return rebuildLocked();
    } finally {
      rebuilding.unlock();
    }
  }

  private ProcedureIndex rebuildLocked() {
    long started = System.nanoTime();
    long revision = readRevisions()[0];
    ProcedureIndex fresh = ProcedureIndex.build(load(), revision, loadDictionary());
    index = fresh;
    lastCheckNanos = System.nanoTime();
    LOG.info(
        () ->
            String.format(
                "Catalogue index built: %d procedures, revision %d, %d ms",
                fresh.size(), revision, (System.nanoTime() - started) / 1_000_000));
    return fresh;
  }

  /** The catalogue's revision and the dictionary's, in one query. */
  private long[] readRevisions() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT c.revision, d.revision"
                    + " FROM catalogue_state c JOIN search_dictionary_state d ON d.id = 1 WHERE c.id = 1");
        ResultSet r = s.executeQuery()) {
      return r.next() ? new long[] {r.getLong(1), r.getLong(2)} : new long[] {0L, 0L};
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the catalogue revision", e);
    }
  }

  private SearchDictionary loadDictionary() {
    try (Connection c = dataSource.getConnection()) {
      return SearchDictionaryStore.read(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the search dictionary", e);
    }
  }

  private List<IndexedProcedure> load() {
    String procedures =
        "SELECT p.code, p.name, f.name, p.keywords, p.tiers, p.national_level"
            + " FROM catalogue_procedure p LEFT JOIN field f ON f.id = p.field_id ORDER BY p.code";
    String offerings =
        "SELECT p.code, a.code, a.tier, o.level FROM offering o"
            + " JOIN catalogue_procedure p ON p.id = o.procedure_id"
            + " JOIN agency a ON a.id = o.agency_id";
    try (Connection c = dataSource.getConnection()) {
      Map<String, List<OfferedAt>> offered = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement(offerings);
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          offered
              .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
              .add(
                  new OfferedAt(
                      r.getString(2),
                      Tier.fromKey(r.getString(3)).orElse(Tier.OTHER),
                      r.getInt(4)));
        }
      }
      List<IndexedProcedure> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(procedures);
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String code = r.getString(1);
          java.util.Set<Tier> tiers = java.util.EnumSet.noneOf(Tier.class);
          String tierList = r.getString(5);
          if (tierList != null && !tierList.isBlank()) {
            for (String t : tierList.split(",")) {
              Tier.fromKey(t).ifPresent(tiers::add);
            }
          }
          out.add(
              new IndexedProcedure(
                  code,
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  tiers,
                  OnlineLevel.of(r.getInt(6)).orElse(OnlineLevel.LEVEL_2),
                  offered.getOrDefault(code, List.of())));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the catalogue", e);
    }
  }

  Optional<ProcedureIndex> peek() {
    return Optional.ofNullable(index);
  }
}
