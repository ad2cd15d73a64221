/**
 * Signing in to the pages: the {@code /login} form and its throttle, signing out, and the request's
 * view of the signed-in person with the form token that protects every state-changing form ({@code
 * CurrentUser}); the session itself is kept by {@code web.shared.Sessions}. The REST API does not
 * use the session; it takes bearer tokens only, so a browser's cookie can never act on the API.
 */
package org.opendvc.portal.web.account;
