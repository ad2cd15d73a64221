/** Administration over the API: accounts. */
package org.opendvc.portal.api.admin;
