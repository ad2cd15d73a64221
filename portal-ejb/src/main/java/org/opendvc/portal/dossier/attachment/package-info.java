/**
 * Files of a dossier (tệp đính kèm): the scanned papers of its dossier components (thành phần hồ
 * sơ) and the officers' result documents. Files are received as a stream (limited, typed by their
 * content, hashed on the way) and kept by a random key in a {@link FileStore}; a file whose
 * transaction does not commit is deleted. Depends on {@code dossier}, {@code shared}.
 */
package org.opendvc.portal.dossier.attachment;
