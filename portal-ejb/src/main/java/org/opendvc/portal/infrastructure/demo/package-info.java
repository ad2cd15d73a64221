/**
 * The demo data: two invented provinces (one in the three-tier shape from before July 2025, one in
 * the two-tier shape after it), a few hundred invented procedures in the national feed's shape,
 * their offerings, one account per role and a few thousand dossiers of the last months with their
 * history (each moved through its lifecycle by the dossier entity's own methods), loaded into an
 * empty database when {@code portal.demo.data} is true. Generation is pure and deterministic
 * (tested without a container); only {@link org.opendvc.portal.infrastructure.demo.DemoDataLoader}
 * and {@link org.opendvc.portal.infrastructure.demo.DemoDataWriter} touch the database. See
 * docs/demo-data.md.
 */
package org.opendvc.portal.infrastructure.demo;
