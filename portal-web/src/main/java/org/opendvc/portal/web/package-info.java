/**
 * The public pages: Jakarta Faces views over the catalogue, one package per area ({@code home},
 * {@code catalogue}) and {@code shared} for what every page uses (clean addresses, language, page
 * text). Backing beans are thin: they read the request, call one domain service and hand view
 * adapters to the page. Depends on the domain packages only, never on {@code api}.
 */
package org.opendvc.portal.web;
