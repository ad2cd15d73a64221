/**
 * What agencies publish about finished dossiers: the public results board (bảng công khai kết quả
 * giải quyết hồ sơ) with its filters and its Atom feed, and the masking of applicants' names on it.
 * Reads the dossier tables directly and never hands out personal data beyond the masked name.
 * Depends on {@code dossier}, {@code catalogue}, {@code calendar} and {@code shared}.
 */
package org.opendvc.portal.publication;
