package org.opendvc.portal.dossier;

/**
 * Who applies: a citizen (công dân) or a business or other organisation (tổ chức, doanh nghiệp).
 */
public enum ApplicantType {
  CITIZEN,
  BUSINESS
}
