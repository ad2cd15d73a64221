package org.opendvc.portal.dossier.receipt;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.ProcedureDetails.ComponentGroup;
import org.opendvc.portal.dossier.ApplicantType;
import org.opendvc.portal.dossier.Applicant;
import org.opendvc.portal.dossier.Channel;
import org.opendvc.portal.dossier.Dossier;

/**
 * What a receipt shows, taken from a dossier (or made up in a test). Optional texts are null;
 * {@code dueAt} is null while an online dossier waits for acceptance.
 *
 * @param parentAgencyName the receiving agency's parent (cơ quan chủ quản), printed above it
 * @param receivingOfficer the name of the officer who received or accepted the dossier
 * @param trackingUrl the absolute address of the public tracking page, {@code <base>/tracking/<code>}
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
    URI trackingUrl) {

  public ReceiptData {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(agencyName, "agencyName");
    Objects.requireNonNull(applicantName, "applicantName");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(trackingUrl, "trackingUrl");
    components = components == null ? List.of() : List.copyOf(components);
  }

  /** The receipt of a dossier, issued by the agency that received it. */
  public static ReceiptData of(Dossier d, String receivingOfficer, URI trackingUrl) {
    Agency agency = d.receivingAgency();
    Applicant a = d.applicant();
    return new ReceiptData(d.code().toString(),
        agency.parent().map(Agency::name).orElse(null), agency.name(),
        d.procedure().code(), d.procedure().name(),
        a.type(), a.fullName(), a.idNumber(), a.phone(), a.email(), a.address(),
        d.channel(), d.receivedAt(), d.dueAt().orElse(null),
        d.procedure().details().components(), receivingOfficer, trackingUrl);
  }

  /**
   * The public tracking address of a dossier: {@code <base>/tracking/<code>}, where the base is
   * the portal's public address (scheme, host, port and any context path; a trailing '/' is
   * ignored).
   */
  public static URI trackingUrl(String base, String code) {
    String b = base.strip();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return URI.create(b + "/tracking/" + code);
  }
}
