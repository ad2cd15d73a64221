/**
 * Value objects and exceptions used by every capability: paging, validation problems, text folding.
 * Depends on nothing else in the portal.
 */
package org.opendvc.portal.shared;
