package org.opendvc.portal.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Declares the application's data source {@code java:app/jdbc/portal}, pooled by the server. The
 * connection settings come from MicroProfile Config inside {@link PortalDataSource}.
 */
@Singleton
@DataSourceDefinition(
    name = "java:app/jdbc/portal",
    className = "org.opendvc.portal.infrastructure.persistence.PortalDataSource",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true",
      // a request waits at most 3 s for a free connection (the pool's own default is 60 s): when
      // the database hangs and every connection is stuck, new requests get a 503 at once
      "fish.payara.max-wait-time-in-millis=3000"
    })
public class DataSourceConfiguration {}
