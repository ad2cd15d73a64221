/**
 * Accounts, roles and access tokens: who may do what, and for which agency. Depends on {@code
 * shared} and {@code catalogue} (an officer belongs to an agency).
 */
package org.opendvc.portal.identity;
