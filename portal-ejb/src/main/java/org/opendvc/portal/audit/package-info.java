/**
 * The audit log of administrators' changes: who changed accounts, the catalogue, the calendar, the
 * search dictionary or ran an operation, and when.
 */
package org.opendvc.portal.audit;
