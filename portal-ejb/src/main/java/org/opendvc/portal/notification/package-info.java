/**
 * Notifications to applicants: an e-mail on every status change of their dossier, sent after the
 * change is committed and off the request thread. Depends on {@code dossier} and {@code shared}.
 */
package org.opendvc.portal.notification;
