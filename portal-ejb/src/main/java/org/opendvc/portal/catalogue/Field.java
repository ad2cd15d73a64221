package org.opendvc.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A field (lĩnh vực) that groups procedures: "Hộ tịch", "Đất đai", "Xây dựng"... */
@Entity
@Table(name = "field")
public class Field {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The folded name, unique: "ho-tich". */
  @Column(nullable = false, unique = true, length = 255)
  private String code;

  @Column(nullable = false, length = 255)
  private String name;

  protected Field() {}

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }
}
