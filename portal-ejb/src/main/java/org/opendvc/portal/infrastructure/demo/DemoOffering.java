package org.opendvc.portal.infrastructure.demo;

/** A demo procedure offered by a demo agency at an online level (2, 3 or 4). */
record DemoOffering(String procedureCode, String agencyCode, int level) {}
