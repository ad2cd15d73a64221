package org.opendvc.portal.publication;

/** An agency of the tree, for choosing one: its code, name and depth (0 for a root). */
public record AgencyChoice(String code, String name, int depth) {}
