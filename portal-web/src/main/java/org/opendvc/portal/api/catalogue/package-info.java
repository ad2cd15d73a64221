/** REST resources of the catalogue: search, procedures, import and export, agencies, summary. */
package org.opendvc.portal.api.catalogue;
