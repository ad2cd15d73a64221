package org.opendvc.portal.dossier.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.opendvc.portal.dossier.Dossier;

/**
 * A file of a dossier: what it is (a component's paper or a result document), its safe name, real
 * type, size and SHA-256, who uploaded it and when, and the random key it is stored under. A result
 * document is linked to the dossier as its result when the dossier is resolved.
 */
@Entity
@Table(name = "dossier_file")
public class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "dossier_id", updatable = false)
  private Dossier dossier;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10, updatable = false)
  private AttachmentKind kind;

  @Column(name = "component_no", updatable = false)
  private Integer componentNumber;

  @Column(name = "component_name", length = 1000, updatable = false)
  private String componentName;

  @Column(name = "file_name", nullable = false, length = 255, updatable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 100, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long size;

  @Column(nullable = false, length = 64, updatable = false)
  private String sha256;

  @Column(name = "storage_key", nullable = false, length = 64, updatable = false)
  private String storageKey;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Column(name = "uploaded_by", nullable = false, length = 100, updatable = false)
  private String uploadedBy;

  @Column(name = "linked_at")
  private Instant linkedAt;

  protected Attachment() {}

  Attachment(
      Dossier dossier,
      AttachmentKind kind,
      Integer componentNumber,
      String componentName,
      String fileName,
      FileType type,
      long size,
      String sha256,
      String storageKey,
      Instant uploadedAt,
      String uploadedBy) {
    this.dossier = dossier;
    this.kind = kind;
    this.componentNumber = componentNumber;
    this.componentName =
        componentName == null || componentName.length() <= 1000
            ? componentName
            : componentName.substring(0, 1000);
    this.fileName = fileName;
    this.contentType = type.mediaType();
    this.size = size;
    this.sha256 = sha256;
    this.storageKey = storageKey;
    this.uploadedAt = uploadedAt;
    this.uploadedBy = uploadedBy;
  }

  public Long id() {
    return id;
  }

  public Dossier dossier() {
    return dossier;
  }

  public AttachmentKind kind() {
    return kind;
  }

  public Optional<Integer> componentNumber() {
    return Optional.ofNullable(componentNumber);
  }

  public Optional<String> componentName() {
    return Optional.ofNullable(componentName);
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public String storageKey() {
    return storageKey;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  /** When a result document became the dossier's result (on RESOLVE). */
  public Optional<Instant> linkedAt() {
    return Optional.ofNullable(linkedAt);
  }
}
