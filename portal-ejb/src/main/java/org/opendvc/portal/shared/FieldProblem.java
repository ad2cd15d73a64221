package org.opendvc.portal.shared;

/**
 * One thing wrong with an input: which field, and a message key (resolved from the message bundle)
 * with its arguments.
 */
public record FieldProblem(String field, String messageKey, Object... args) {}
