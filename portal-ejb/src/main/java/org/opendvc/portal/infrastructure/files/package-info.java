/**
 * Files on disk: the dossier files under {@code <portal.data.dir>/files}, stored by random keys.
 * Implements {@code dossier.attachment.FileStore}.
 */
package org.opendvc.portal.infrastructure.files;
