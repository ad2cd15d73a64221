/** The published service-quality scorecard and league table (docs/scorecard.md). */
package org.opendvc.portal.api.scoring;
