package org.opendvc.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A procedure as offered by one agency, at the online level that agency provides: the same
 * procedure can be level 3 in one commune and level 4 in another.
 */
@Entity
@Table(name = "offering")
public class Offering {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "procedure_id")
  private Procedure procedure;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "agency_id")
  private Agency agency;

  @Column(nullable = false)
  private int level;

  protected Offering() {}

  public Offering(Procedure procedure, Agency agency, OnlineLevel level) {
    this.procedure = procedure;
    this.agency = agency;
    this.level = level.number();
  }

  public Procedure procedure() {
    return procedure;
  }

  public Agency agency() {
    return agency;
  }

  public OnlineLevel level() {
    return OnlineLevel.of(level).orElse(OnlineLevel.LEVEL_2);
  }
}
