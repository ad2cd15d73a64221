package org.opendvc.portal.satisfaction;

/** What an applicant sends to rate a dossier: the scores as given and an optional comment. */
public record RatingCommand(
    Integer access,
    Integer procedure,
    Integer officer,
    Integer result,
    Integer feedback,
    String comment) {}
