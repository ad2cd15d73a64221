/**
 * The catalogue pages: search ({@code /procedures}), a procedure ({@code /procedures/{code}}) and
 * an agency ({@code /agencies/{code}}). Beans read the query leniently ({@link
 * org.opendvc.portal.web.catalogue.SearchParams}), call {@code CatalogueService} and turn its
 * records into view adapters that hold ready-to-print text and links. Depends on {@code catalogue},
 * {@code shared} and {@code web.shared}.
 */
package org.opendvc.portal.web.catalogue;
