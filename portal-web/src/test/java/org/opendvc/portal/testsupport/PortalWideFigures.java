package org.opendvc.portal.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Marks an integration-test class that reads figures of the whole portal (statistics, results,
 * scores, ratings, the audit trail, the mails sent, the cache counters) and expects them to move by
 * exactly what it did or to match between two reads, or that changes what other classes read (the
 * national catalogue it imports, portal-wide mails, rows written behind the portal's back): it runs
 * while no other class uses the portal: one after the other ({@link PortalIntegrationTest#PORTAL})
 * and before the others ({@link PortalClassOrder}), which wait for them ({@link PortalWidePhase})
 * and then run two at a time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ResourceLock(value = PortalIntegrationTest.PORTAL, mode = ResourceAccessMode.READ_WRITE)
public @interface PortalWideFigures {}
