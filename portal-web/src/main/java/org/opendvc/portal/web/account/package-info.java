/**
 * Signing in to the pages: the {@code /login} form, the session that remembers the person, the
 * form token that protects every state-changing form, and the role check in front of
 * {@code /my/}, {@code /officer/} and {@code /admin/}. The REST API does not use the session; it
 * takes bearer tokens only, so a browser's cookie can never act on the API.
 */
package org.opendvc.portal.web.account;
