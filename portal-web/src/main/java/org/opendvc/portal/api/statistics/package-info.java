/**
 * REST resources of the published statistics: the "06a" figures of any period per agency, field,
 * level, tier, procedure or month, and the administrator's recount. Answers are records of
 * portal-ejb's statistics module, written by JSON-B.
 */
package org.opendvc.portal.api.statistics;
