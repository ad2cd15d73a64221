package org.opendvc.portal.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks one of the integration-test classes that take longest (ten seconds or more on a two-core
 * machine, beside another class): {@link PortalClassOrder} hands them out first, so that the run
 * does not end with one of them alone on one worker while the other has nothing left to do. It
 * changes only the time a run takes, never what runs beside what.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface LongRunning {}
