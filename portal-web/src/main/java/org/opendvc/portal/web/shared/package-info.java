/**
 * What every page shares: the filter that maps short addresses ({@code /procedures/1.000094}) to
 * Facelets views and remembers the chosen language, the language and page-text beans, and small
 * helpers for building links and reading query parameters leniently.
 */
package org.opendvc.portal.web.shared;
