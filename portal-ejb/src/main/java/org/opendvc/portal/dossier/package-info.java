/**
 * Dossiers (hồ sơ) under the one-stop mechanism: the national statuses 1 to 10, the actions that
 * move a dossier between them, and the dossier code of Circular 01/2018 Art. 19. Depends on
 * {@code calendar} and {@code shared}.
 */
package org.opendvc.portal.dossier;
