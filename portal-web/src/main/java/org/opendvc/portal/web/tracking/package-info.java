/** The public tracking page: a dossier's progress by its code and the applicant's ID number. */
package org.opendvc.portal.web.tracking;
