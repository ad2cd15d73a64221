/** Accounts that citizens create themselves, confirmed by a code e-mailed to them. */
package org.opendvc.portal.api.account;
