/** Ratings of finished dossiers and the published satisfaction index (docs/satisfaction.md). */
package org.opendvc.portal.api.satisfaction;
