package org.opendvc.portal.dossier.receipt;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.ProcedureDetails.ComponentGroup;
import org.opendvc.portal.dossier.Applicant;
import org.opendvc.portal.dossier.ApplicantType;
import org.opendvc.portal.dossier.Channel;
import org.opendvc.portal.dossier.Dossier;

/**
 * What a receipt shows, taken from a dossier (or made up in a test). Optional texts are null;
 * {@code dueAt} is null while an online dossier waits for acceptance.
 *
 * @param parentAgencyName the receiving agency's parent (cơ quan chủ quản), printed above it
 * @param receivingOfficer the name of the officer who received or accepted the dossier
 * @param trackingUrl the absolute address of the public tracking page, {@code
 *     <base>/tracking/<code>}
 * @param received the papers really received with an online submission (files, and papers promised
 *     at the counter); null for a counter or postal dossier, whose receipt lists the procedure's
 *     components as the officer checked them
 */
public record ReceiptData(
    String code,
    String parentAgencyName,
    String agencyName,
    String procedureCode,
    String procedureName,
    ApplicantType applicantType,
    String applicantName,
    String applicantIdNumber,
    String applicantPhone,
    String applicantEmail,
    String applicantAddress,
    Channel channel,
    Instant receivedAt,
    Instant dueAt,
    List<ComponentGroup> components,
    String receivingOfficer,
    URI trackingUrl,
    List<ReceivedPaper> received) {

  /** A paper received: the component's name and the file, or promised on paper at the counter. */
  public record ReceivedPaper(String componentName, String fileName, boolean promised) {}

  /** A receipt listing the procedure's components (counter and post). */
  public ReceiptData(
      String code,
      String parentAgencyName,
      String agencyName,
      String procedureCode,
      String procedureName,
      ApplicantType applicantType,
      String applicantName,
      String applicantIdNumber,
      String applicantPhone,
      String applicantEmail,
      String applicantAddress,
      Channel channel,
      Instant receivedAt,
      Instant dueAt,
      List<ComponentGroup> components,
      String receivingOfficer,
      URI trackingUrl) {
    this(
        code,
        parentAgencyName,
        agencyName,
        procedureCode,
        procedureName,
        applicantType,
        applicantName,
        applicantIdNumber,
        applicantPhone,
        applicantEmail,
        applicantAddress,
        channel,
        receivedAt,
        dueAt,
        components,
        receivingOfficer,
        trackingUrl,
        null);
  }

  public ReceiptData {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(agencyName, "agencyName");
    Objects.requireNonNull(applicantName, "applicantName");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(trackingUrl, "trackingUrl");
    components = components == null ? List.of() : List.copyOf(components);
    received = received == null ? null : List.copyOf(received);
  }

  /** The receipt of a dossier, issued by the agency that received it. */
  public static ReceiptData of(Dossier d, String receivingOfficer, URI trackingUrl) {
    return of(d, receivingOfficer, trackingUrl, null);
  }

  /** The receipt of a dossier with the papers really received ({@code received}, may be null). */
  public static ReceiptData of(
      Dossier d, String receivingOfficer, URI trackingUrl, List<ReceivedPaper> received) {
    Agency agency = d.receivingAgency();
    Applicant a = d.applicant();
    return new ReceiptData(
        d.code().toString(),
        agency.parent().map(Agency::name).orElse(null),
        agency.name(),
        d.procedure().code(),
        d.procedure().name(),
        a.type(),
        a.fullName(),
        a.idNumber(),
        a.phone(),
        a.email(),
        a.address(),
        d.channel(),
        d.receivedAt(),
        d.dueAt().orElse(null),
        d.procedure().details().components(),
        receivingOfficer,
        trackingUrl,
        received);
  }

  /**
   * The public tracking address of a dossier: {@code <base>/tracking/<code>}, where the base is the
   * portal's public address (scheme, host, port and any context path; a trailing '/' is ignored).
   */
  public static URI trackingUrl(String base, String code) {
    String b = base.strip();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return URI.create(b + "/tracking/" + code);
  }
}
