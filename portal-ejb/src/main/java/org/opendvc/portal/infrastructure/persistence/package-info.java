/**
 * The database connection (configured through MicroProfile Config), the Flyway schema, and the JPA
 * implementations of the domain's repositories ({@code JpaDossierRepository}, {@code
 * JpaProcedureRepository}, {@code JpaAgencyRepository}).
 */
package org.opendvc.portal.infrastructure.persistence;
