/**
 * Dossiers (hồ sơ) under the one-stop mechanism: the national statuses 1 to 10, the actions that
 * move a dossier between them (one method of {@link org.opendvc.portal.dossier.Dossier} each, with
 * {@link org.opendvc.portal.dossier.DossierAction} as the table of where each is allowed), and the
 * dossier code of Circular 01/2018 Art. 19. {@link org.opendvc.portal.dossier.AccessPolicy} is the
 * one rule of who may see and act on a dossier; dossiers are found and kept through {@link
 * org.opendvc.portal.dossier.DossierRepository}, never the EntityManager. Every moment comes from
 * the caller, who reads an injected clock. Depends on {@code calendar}, {@code catalogue}, {@code
 * identity} and {@code shared}.
 */
package org.opendvc.portal.dossier;
