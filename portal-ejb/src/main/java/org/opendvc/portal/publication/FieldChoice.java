package org.opendvc.portal.publication;

/** A field (lĩnh vực) for choosing one: its code (the folded name) and its name. */
public record FieldChoice(String code, String name) {}
