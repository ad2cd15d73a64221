package org.opendvc.portal.dossier.receipt;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.StatusChange;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.shared.NotFoundException;

/**
 * Issues a dossier's receipt to those who may see the dossier (its owner, the officers of the
 * agency handling it, admins): anyone else gets the same {@link NotFoundException} as for an
 * unknown code, exactly as {@link DossierService#get} decides.
 */
@Stateless
public class ReceiptService {

  @jakarta.persistence.PersistenceContext private jakarta.persistence.EntityManager em;
  @Inject private DossierService dossiers;
  @Inject private AccountService accounts;

  /** A rendered receipt and the dossier code it is for, in its canonical form. */
  public record Receipt(String code, byte[] pdf) {}

  /**
   * The receipt of a dossier.
   *
   * @param publicBaseUrl the portal's public address, e.g. {@code https://dichvucong.example.vn};
   *     the QR code points at {@code <publicBaseUrl>/tracking/<code>}
   */
  public Receipt receipt(String code, Caller caller, String publicBaseUrl) {
    Dossier d = dossiers.get(code, caller);
    String canonical = d.code().toString();
    ReceiptData data =
        ReceiptData.of(
            d,
            receivingOfficer(d),
            ReceiptData.trackingUrl(publicBaseUrl, canonical),
            d.channel() == org.opendvc.portal.dossier.Channel.ONLINE ? received(d) : null);
    return new Receipt(canonical, ReceiptPdf.render(data));
  }

  /**
   * The papers an online dossier really brought, in the order of the e-form: the files attached to
   * its components, then the papers promised at the counter (by the names the procedure gives
   * them).
   */
  private java.util.List<ReceiptData.ReceivedPaper> received(Dossier d) {
    java.util.List<ReceiptData.ReceivedPaper> out = new java.util.ArrayList<>();
    em.createQuery(
            "SELECT a.componentName, a.fileName FROM Attachment a WHERE a.dossier = :d"
                + " AND a.kind = org.opendvc.portal.dossier.attachment.AttachmentKind.COMPONENT"
                + " ORDER BY a.componentNumber, a.id",
            Object[].class)
        .setParameter("d", d)
        .getResultList()
        .forEach(r -> out.add(new ReceiptData.ReceivedPaper((String) r[0], (String) r[1], false)));
    org.opendvc.portal.dossier.EForm form = org.opendvc.portal.dossier.EForm.of(d.procedure());
    for (Integer n : d.promisedComponents()) {
      form.component(n)
          .ifPresent(c -> out.add(new ReceiptData.ReceivedPaper(c.name(), null, true)));
    }
    return out;
  }

  /** Who received the dossier at the counter, or accepted it online: their full name. */
  private String receivingOfficer(Dossier d) {
    return d.history().stream()
        .filter(c -> "RECEIVE".equals(c.action()) || "ACCEPT".equals(c.action()))
        .reduce((first, later) -> later)
        .map(StatusChange::actor)
        .map(
            actor ->
                accounts
                    .find(actor)
                    .map(Account::fullName)
                    .filter(name -> name != null && !name.isBlank())
                    .orElse(actor))
        .orElse(null);
  }
}
