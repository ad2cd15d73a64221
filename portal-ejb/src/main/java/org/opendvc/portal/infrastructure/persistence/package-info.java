/** The database connection (configured through MicroProfile Config) and the Flyway schema. */
package org.opendvc.portal.infrastructure.persistence;
