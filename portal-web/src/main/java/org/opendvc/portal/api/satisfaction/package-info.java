/**
 * Ratings of finished dossiers, the published satisfaction index and the counter kiosk's figures
 * (docs/satisfaction.md).
 */
package org.opendvc.portal.api.satisfaction;
