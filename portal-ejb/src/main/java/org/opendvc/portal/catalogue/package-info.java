/**
 * The catalogue of administrative procedures (thủ tục hành chính): procedures, fields, the agency
 * tree and the offerings (which agency offers which procedure at which online level), with the
 * services that read, import and export them. Depends on {@code shared} only.
 */
package org.opendvc.portal.catalogue;
