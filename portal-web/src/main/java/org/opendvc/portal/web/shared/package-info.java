/**
 * What every page shares: the page filters, one concern each and ordered in {@code web.xml}
 * (caching headers, the role check of {@code /my/}, {@code /officer/} and {@code /admin/}, the
 * language choice, the forwarding of short addresses such as {@code /procedures/1.000094} to
 * Facelets views) with the pure rules they apply ({@code PageRoutes}, {@code AccessRules}, {@code
 * Language}); the signed-in person of the session ({@code Sessions}, {@code SignedIn}); the
 * language and page-text beans, and small helpers for building links and reading query parameters
 * leniently. Depends on the domain packages only: every other {@code web} package may depend on it,
 * it on none of them.
 */
package org.opendvc.portal.web.shared;
