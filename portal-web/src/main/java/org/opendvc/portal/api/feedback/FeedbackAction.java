package org.opendvc.portal.api.feedback;

/** The agency's action on a feedback: REFUSE with {@code text} the reason, ANSWER, PUBLISH. */
public record FeedbackAction(String action, String text) {}
