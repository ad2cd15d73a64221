/**
 * What every page shares: the filter that maps short addresses ({@code /procedures/1.000094}) to
 * Facelets views, remembers the chosen language and lets only the right role into {@code /my/},
 * {@code /officer/} and {@code /admin/}; the signed-in person of the session ({@code Sessions},
 * {@code SignedIn}); the language and page-text beans, and small helpers for building links and
 * reading query parameters leniently. Depends on the domain packages only: every other
 * {@code web} package may depend on it, it on none of them.
 */
package org.opendvc.portal.web.shared;
