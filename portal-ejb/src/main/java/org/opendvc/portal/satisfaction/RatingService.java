package org.opendvc.portal.satisfaction;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Optional;
import org.opendvc.portal.dossier.AccessPolicy;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;

/**
 * Rating a finished dossier, once: by its owner signed in, or by an applicant without an account
 * with the dossier code and their ID number. Refusals: not the owner (403), unknown (404), not
 * finished or rated already (409); the unique key on the dossier decides between two concurrent
 * ratings, so exactly one is kept.
 */
@Stateless
public class RatingService {

  @PersistenceContext private EntityManager em;
  @Inject private DossierService dossiers;
  @Inject private Clock clock;

  /** The owner rates their dossier. */
  public Rating rateAsOwner(String code, RatingCommand cmd, Caller caller) {
    Dossier d = dossiers.get(code, caller);
    if (!AccessPolicy.isOwner(d, caller)) {
      throw new ForbiddenException("rating.ownerOnly");
    }
    return rate(d, cmd, Rating.Through.ACCOUNT);
  }

  /**
   * An applicant without an account rates with the code and their ID number; an unknown code and a
   * wrong number are the same {@link NotFoundException}.
   */
  public Rating rateWithIdNumber(String code, String idNumber, RatingCommand cmd) {
    Dossier d =
        dossiers
            .ofApplicant(code, idNumber)
            .orElseThrow(() -> new NotFoundException("tracking.notFound", code));
    return rate(d, cmd, Rating.Through.TRACKING);
  }

  /** The rating of a dossier the caller may see, if it was rated. */
  public Optional<Rating> ratingOf(String code, Caller caller) {
    return find(dossiers.get(code, caller));
  }

  /** Where a dossier stands for its rating. */
  public enum Standing {
    /** Not finished yet: it can be rated once it has a result. */
    NOT_FINISHED,
    /** Finished and not rated: the form is offered. */
    OPEN,
    /** Rated already. */
    RATED
  }

  /**
   * Where the dossier of the applicant with this ID number stands for its rating; empty for an
   * unknown code or a wrong number.
   */
  public Optional<Standing> standingWithIdNumber(String code, String idNumber) {
    return dossiers.ofApplicant(code, idNumber).map(this::standing);
  }

  /** Where a dossier the caller may see stands for its rating. */
  public Standing standing(String code, Caller caller) {
    return standing(dossiers.get(code, caller));
  }

  private Standing standing(Dossier d) {
    return d.outcome().isEmpty()
        ? Standing.NOT_FINISHED
        : find(d).isPresent() ? Standing.RATED : Standing.OPEN;
  }

  private Rating rate(Dossier d, RatingCommand cmd, Rating.Through through) {
    Scores scores =
        Scores.checked(cmd.access(), cmd.procedure(), cmd.officer(), cmd.result(), cmd.feedback());
    String comment =
        cmd.comment() == null || cmd.comment().isBlank() ? null : cmd.comment().strip();
    if (comment != null && comment.length() > Rating.COMMENT_MAX) {
      throw new InvalidInputException(
          "comment", "rating.commentTooLong", Rating.COMMENT_MAX, comment.length());
    }
    if (d.outcome().isEmpty()) {
      throw new ActionRefusedException("rating.notFinished", d.code().toString());
    }
    if (find(d).isPresent()) {
      throw new ActionRefusedException("rating.already", d.code().toString());
    }
    Rating rating = new Rating(d, scores, comment, through, clock.instant());
    try {
      em.persist(rating);
      em.flush();
    } catch (PersistenceException e) {
      // another rating of the same dossier was written meanwhile: the unique key refused this one
      throw new ActionRefusedException("rating.already", d.code().toString());
    }
    return rating;
  }

  private Optional<Rating> find(Dossier d) {
    return em.createQuery("SELECT r FROM Rating r WHERE r.dossier = :d", Rating.class)
        .setParameter("d", d)
        .getResultStream()
        .findFirst();
  }
}
