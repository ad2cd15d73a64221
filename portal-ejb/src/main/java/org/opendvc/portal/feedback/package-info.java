/**
 * Feedback and complaints (phản ánh, kiến nghị; docs/feedback.md): a citizen sends feedback about a
 * procedure, an agency or a dossier, with or without an account; the agency refuses it within 2
 * working days or answers within 15, and publishes the answer within 2 working days of answering,
 * without personal data. Every deadline is kept, and one missed counts against the agency.
 */
package org.opendvc.portal.feedback;
