/**
 * REST resources of dossiers: submission, the lifecycle actions, work lists, files, receipts and
 * public tracking. What they share with the pages (the multipart reader, download headers, the
 * tracking guard) lives in {@code org.opendvc.portal.http}.
 */
package org.opendvc.portal.api.dossier;
