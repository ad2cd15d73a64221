package org.opendvc.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * An administrative procedure (thủ tục hành chính, TTHC) as published in the national procedures
 * database, identified by its code ({@code 1.000094}, or {@code 2.002621.H56} for a local variant).
 */
@Entity
@Table(name = "catalogue_procedure")
public class Procedure {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String code;

  @Column(nullable = false, length = 2000)
  private String name;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "field_id")
  private Field field;

  /** The level announced with the procedure, used where no agency offers it yet. */
  @Column(name = "national_level", nullable = false)
  private int nationalLevel;

  /** Tiers that implement it, comma-separated {@link Tier} names. */
  @Column(length = 100)
  private String tiers;

  @Column(name = "procedure_type", length = 255)
  private String procedureType;

  @Column(name = "decision_no", length = 100)
  private String decisionNo;

  @Column(name = "decision_date")
  private LocalDate decisionDate;

  @Lob private String description;

  @Lob private String requirements;

  @Column(length = 1000)
  private String keywords;

  @Lob
  @Convert(converter = ProcedureDetailsConverter.class)
  private ProcedureDetails details;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected Procedure() {}

  /**
   * A procedure known by its code, name and details only, not stored: the catalogue stores
   * procedures through {@link ProcedureWriter}; this one lets a dossier be reasoned about without a
   * database (the demo data, tests).
   */
  public Procedure(String code, String name, ProcedureDetails details) {
    this.code = code;
    this.name = name;
    this.details = details;
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public Optional<Field> field() {
    return Optional.ofNullable(field);
  }

  public OnlineLevel nationalLevel() {
    return OnlineLevel.of(nationalLevel).orElse(OnlineLevel.LEVEL_2);
  }

  public Set<Tier> tiers() {
    Set<Tier> set = EnumSet.noneOf(Tier.class);
    if (tiers != null && !tiers.isBlank()) {
      Arrays.stream(tiers.split(","))
          .map(Tier::fromKey)
          .flatMap(Optional::stream)
          .forEach(set::add);
    }
    return set;
  }

  public String procedureType() {
    return procedureType;
  }

  public String decisionNo() {
    return decisionNo;
  }

  public Optional<LocalDate> decisionDate() {
    return Optional.ofNullable(decisionDate);
  }

  public String description() {
    return description;
  }

  public String requirements() {
    return requirements;
  }

  public String keywords() {
    return keywords;
  }

  public ProcedureDetails details() {
    return details == null ? ProcedureDetails.empty() : details;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
