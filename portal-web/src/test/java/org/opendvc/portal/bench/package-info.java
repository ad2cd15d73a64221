/**
 * The benchmark harness ({@code mvn -Pbench}): measures against a real Payara Micro and database,
 * reports figures with a baseline from the same run. Never part of the test suite.
 */
package org.opendvc.portal.bench;
