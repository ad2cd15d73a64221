/** REST resources of dossiers: submission, the lifecycle actions, work lists and public tracking. */
package org.opendvc.portal.api.dossier;
