/**
 * Technical plumbing behind the domain: the data source and its configuration, schema migrations,
 * start-up, the national feed format and the demo data. May depend on every domain package; no
 * domain package depends on it.
 */
package org.opendvc.portal.infrastructure;
