package org.opendvc.portal.payment;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendvc.portal.dossier.AccessPolicy;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.shared.PaymentSettings;

/**
 * Online payment of the amount an officer asked for (REQUEST_PAYMENT): the owner starts a payment
 * with the configured provider ({@link PaymentSettings}: none unless configured, the sandbox with
 * the demo data); the provider's verified callback settles it. A paid callback applies PAY to the
 * dossier, once: the payment row is locked while its callback is handled, and a payment that is no
 * longer pending ignores further callbacks.
 */
@Stateless
public class PaymentService {

  @PersistenceContext private EntityManager em;
  @EJB private DossierService dossiers;
  @Inject @Any private Instance<PaymentProvider> providers;
  @Inject private Clock clock;

  /** The provider in use; refused when online payment is off (no provider configured). */
  public PaymentProvider provider() {
    String name =
        PaymentSettings.provider()
            .orElseThrow(() -> new ActionRefusedException("payment.notConfigured"));
    for (PaymentProvider p : providers) {
      if (p.name().equalsIgnoreCase(name)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "No payment provider named '" + name + "' (portal.payment.provider)");
  }

  /**
   * Starts (or resumes) the online payment of what the dossier owes: only its owner, only while it
   * awaits payment (6). A pending payment of the same amount with the same provider is answered
   * again rather than doubled.
   */
  public Payment start(String code, Caller caller) {
    Dossier d = dossiers.get(code, caller);
    if (!AccessPolicy.isOwner(d, caller)) {
      throw new ForbiddenException("payment.ownerOnly");
    }
    if (d.status() != DossierStatus.PAYING || d.paymentAmount().isEmpty()) {
      throw new ActionRefusedException("payment.notRequested", d.status().code(), d.status().key());
    }
    long amount = d.paymentAmount().get();
    PaymentProvider provider = provider();
    Optional<Payment> pending =
        em.createQuery(
                "SELECT p FROM Payment p WHERE p.dossier = :d"
                    + " AND p.status = :s AND p.provider = :provider AND p.amount = :amount"
                    + " ORDER BY p.id DESC",
                Payment.class)
            .setParameter("d", d)
            .setParameter("s", PaymentStatus.PENDING)
            .setParameter("provider", provider.name())
            .setParameter("amount", amount)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (pending.isPresent()) {
      return pending.get();
    }
    PaymentProvider.Started started =
        provider.start(
            new PaymentProvider.Order(
                d.code().toString(),
                amount,
                "VND",
                d.procedure().name() + " — " + d.code(),
                returnPath(d.code().toString())));
    Payment p = new Payment(d, amount, provider.name(), started, caller.username(), now());
    em.persist(p);
    em.flush();
    return p;
  }

  /** Where the payer comes back to after paying: the applicant's page of the dossier. */
  public static String returnPath(String dossierCode) {
    return "/my/dossiers/" + dossierCode;
  }

  /** The payments of a dossier the caller may see (404 otherwise), newest first. */
  public List<Payment> list(String code, Caller caller) {
    return of(dossiers.get(code, caller));
  }

  /** The payments of a dossier, newest first. */
  public List<Payment> of(Dossier d) {
    return em.createQuery(
            "SELECT p FROM Payment p WHERE p.dossier = :d ORDER BY p.id DESC", Payment.class)
        .setParameter("d", d)
        .getResultList();
  }

  /** A payment by its provider's reference (for the provider's own pages). */
  public Optional<Payment> byReference(String provider, String reference) {
    return em.createQuery(
            "SELECT p FROM Payment p WHERE p.provider = :provider" + " AND p.reference = :ref",
            Payment.class)
        .setParameter("provider", provider)
        .setParameter("ref", reference)
        .getResultStream()
        .findFirst()
        .map(
            p -> {
              p.dossier().code(); // loaded while the transaction lasts
              return p;
            });
  }

  /**
   * Handles a provider's callback: refused (403) unless the provider verifies it; otherwise the
   * payment is settled as reported, once.
   */
  public Payment callback(String providerName, Map<String, String> fields) {
    PaymentProvider provider = provider();
    if (!provider.name().equalsIgnoreCase(providerName)) {
      throw new NotFoundException("payment.providerUnknown", providerName);
    }
    PaymentProvider.Outcome outcome =
        provider
            .verify(fields)
            .orElseThrow(() -> new ForbiddenException("payment.signatureInvalid"));
    return settle(provider.name(), outcome);
  }

  private Payment settle(String provider, PaymentProvider.Outcome outcome) {
    Payment p =
        em.createQuery(
                "SELECT p FROM Payment p WHERE p.provider = :provider" + " AND p.reference = :ref",
                Payment.class)
            .setParameter("provider", provider)
            .setParameter("ref", outcome.reference())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("payment.notFound", outcome.reference()));
    if (p.amount() != outcome.amount()) {
      throw new ActionRefusedException("payment.amountMismatch", outcome.amount(), p.amount());
    }
    if (p.status() != PaymentStatus.PENDING) {
      return p; // a repeated callback changes nothing
    }
    p.complete(outcome.paid(), now());
    if (outcome.paid()) {
      dossiers.recordPayment(
          p.dossier(),
          "paid online: " + p.provider() + " " + p.reference() + " (" + p.amount() + " VND)");
    }
    em.flush();
    return p;
  }

  /**
   * Now, to the second: what the database gives back of a payment's times, so that a payment reads
   * the same as started and as read back later.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
