/** Bearer-token authentication of API calls and the role checks that resources make. */
package org.opendvc.portal.api.security;
